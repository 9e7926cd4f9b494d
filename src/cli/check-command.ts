import { statSync } from 'node:fs';
import { applyCorroboration, articlesPerThread, checkEachCompact, errorsOf, openBatchPool, threadsFor } from '../engine/check-batch.js';
import { BatchComparison, DEFAULT_COMPARE_HEAP_MB, type ComparisonOutcome } from '../engine/batch-comparison.js';
import { comparisonChunk, type ComparisonChunk } from '../engine/comparison-chunks.js';
import type { Origin } from '../input/stream-articles.js';
import type { CheckPool } from '../engine/worker-pool.js';
import type { WorkerSetup } from '../engine/check-worker.js';
import { findConfig } from '../rules/config.js';
import { preloadsOf } from '../engine/preload.js';
import { availableCores, DEFAULT_ARTICLE_TIMEOUT_MS } from '../engine/worker-pool.js';
import { largerHeapForNextThread, tuneCompilerForBatch } from './batch-v8-flags.js';
import { planInputs } from '../engine/plan-inputs.js';
import { loneOutcome } from '../compare/compare.js';
import { buildReport } from '../report/build-report.js';
import { escapeLine } from '../report/escape-control.js';
import { formatByName, type RuleInfo } from '../report/formats/index.js';
import { renderErrorLine, renderFactsLine, SummaryCounter } from '../report/formats/jsonl.js';
import type { Article, ArticleResult, Comparison, InputError, Report, Verdict } from '../types.js';
import { articleFiles, EXIT_OUTPUT, fileSink, guardOutputs, OutputClosedError, stdoutSink, type OutputTarget, type Sink } from './output.js';
import { applyGateOptions, countedWarnings, loadBaselineOption, maxWarningsOf, type GateOptions } from './gate-options.js';
import { useColor } from './color.js';
import { createProgress } from './progress.js';
import { writeComparisonLines } from './write-comparison-lines.js';
import { writeJsonReport, type Tally } from './write-json-report.js';
import { loadSetup, setupFiles } from './setup.js';
import { UsageError } from './usage-error.js';

export interface CheckOptions extends GateOptions {
  /** A name from the format registry (src/report/formats/index.ts); jsonl is streamed. */
  format: string;
  out?: string;
  failOn?: 'review' | 'fail';
  rules: string[];
  config?: string;
  compare: boolean;
  color: boolean;
  quiet?: boolean;
  jobs?: string;
  articleTimeout?: string;
  emitFacts?: string;
  /** Heap cap of the comparison thread, in MB (default DEFAULT_COMPARE_HEAP_MB). */
  compareMemory?: string;
}

const RANK: Record<Verdict, number> = { pass: 0, review: 1, fail: 2 };

/** Where a run reads and writes: the process's streams, or a test's buffers (the same code in-process). */
export interface CheckIO {
  stdout?: Sink;
  stderr?: (s: string) => void;
  stdin?: AsyncIterable<Buffer>;
}

let stderrOf: (s: string) => void = (s) => void process.stderr.write(s);

const note = (opts: CheckOptions, s: string): void => {
  if (!opts.quiet) stderrOf(`credlint: ${escapeLine(s)}\n`);
};

/** -j as asked, capped at the cores this process may use (more threads than cores only compete). */
function jobsOf(opts: CheckOptions): number {
  const cores = availableCores();
  if (opts.jobs === undefined) return cores;
  const jobs = Number(opts.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs ${opts.jobs}: expected a whole number of threads, 1 or more`);
  if (jobs > cores) {
    note(opts, `-j ${jobs}: ${cores} core(s) available; using ${cores} thread(s)`);
    return cores;
  }
  return jobs;
}

/**
 * Articles below which `check` runs the whole batch on the main thread, the comparison included. Starting the
 * threads costs a small batch more than they give back: each loads the modules unbundled and the rules again,
 * and V8 warms up a new isolate. Folders of 4 KB news articles, default -j on 2 cores, threads / main thread
 * (median wall of 5 interleaved rounds): 2 articles 539 / 387 ms, 20 1,221 / 816, 100 2,065 / 1,638, 200
 * 2,635 / 2,357, 300 2,906 / 2,433, 400 3,210 / 3,061, 500 3,575 / 3,671 ms. Longer articles bring the break-even
 * lower (the start-up is fixed, the overlap the threads buy grows with the text): 18 KB articles, 100 3,485 / 3,198,
 * 250 6,131 / 6,345 ms (4 rounds). Hence 300, below the break-even of news-length articles. The main
 * thread has no hard guard on a rule that never returns, only the budget checked between rules: a batch given
 * `--article-timeout` is checked on a thread, and so is one whose rules run user patterns (batchThreads).
 */
const MAIN_THREAD_BATCH = 300;

/** Bytes of JSON input from which an estimate of the batch's size is worth making (news articles are ~4 KB). */
const SURE_BATCH_BYTES = 256_000;
/** Bytes per article for the early estimate of a batch's size: news articles as JSONL records run 3.5-4 KB. */
const BYTES_PER_ARTICLE = 4_000;

/**
 * The articles the named inputs surely hold, estimated without reading them from JSON and JSONL files of at
 * least SURE_BATCH_BYTES, else 0. A single article (a file, standard input) never starts threads it will not use.
 */
function estimatedArticles(paths: readonly string[]): number {
  let bytes = 0;
  for (const p of paths) {
    if (!/\.jsonl?$/i.test(p)) continue;
    try {
      const st = statSync(p);
      if (st.isFile()) bytes += st.size;
    } catch {
      /* not there: the plan reports it */
    }
  }
  return bytes >= SURE_BATCH_BYTES ? Math.floor(bytes / BYTES_PER_ARTICLE) : 0;
}

/**
 * The checking threads a batch of `count` articles gets from `check`: none under MAIN_THREAD_BATCH (see
 * threadsFor), unless `force` (`--article-timeout`) or a rule runs user patterns (`unreviewed`): a polynomial one
 * can outlast the budget inside one call, and only on a thread does the hard guard stop it, so such a batch gets
 * at least one thread at any size.
 */
export function batchThreads(count: number | undefined, jobs: number, force: boolean, unreviewed: boolean): number {
  return threadsFor(count, jobs, force || unreviewed, articlesPerThread(), unreviewed ? undefined : MAIN_THREAD_BATCH);
}

/**
 * A batch that will surely use threads starts them now, so they load while this thread does its first pass: as
 * many as its estimated size is worth, resized once the first pass has counted its articles.
 */
function earlyPool(estimated: number, jobs: number, setup: WorkerSetup, articleTimeoutMs: number): CheckPool | null {
  // Sized before the rules are read, as if none ran user patterns: a batch that needs a thread for them opens its pool later.
  const threads = batchThreads(estimated, jobs, false, false);
  if (threads === 0) return null;
  tuneCompilerForBatch();
  return openBatchPool(threads, setup, articleTimeoutMs);
}

/** --compare-memory, else CREDLINT_COMPARE_MEMORY_MB, else the default. */
function compareHeapOf(opts: CheckOptions): number {
  const given = opts.compareMemory ?? process.env.CREDLINT_COMPARE_MEMORY_MB;
  if (given === undefined || given === '') return DEFAULT_COMPARE_HEAP_MB;
  const mb = Number(given);
  if (!Number.isInteger(mb) || mb < 16) throw new UsageError(`--compare-memory ${given}: expected a whole number of MB, 16 or more`);
  return mb;
}

/** A fault for the test suite to make the comparison fail (CREDLINT_TEST_COMPARE_FAULT=throw|oom|silent). */
function compareFault(): 'throw' | 'oom' | 'silent' | undefined {
  const f = process.env.CREDLINT_TEST_COMPARE_FAULT;
  return f === 'throw' || f === 'oom' || f === 'silent' ? f : undefined;
}

function timeoutOf(opts: CheckOptions): number {
  if (opts.articleTimeout === undefined) return DEFAULT_ARTICLE_TIMEOUT_MS;
  const s = Number(opts.articleTimeout);
  if (!Number.isFinite(s) || s <= 0) throw new UsageError(`--article-timeout ${opts.articleTimeout}: expected a number of seconds above 0`);
  return s * 1000;
}

/**
 * `credlint check`: returns the exit code (0 ok, 1 gate failed, 2 usage, input or article errors,
 * 4 the report could not be written to standard output).
 */
export async function runCheck(paths: string[], opts: CheckOptions, io: CheckIO = {}): Promise<number> {
  stderrOf = io.stderr ?? ((s) => void process.stderr.write(s));
  if (paths.length === 0) throw new UsageError('check: name at least one file, folder or glob (or "-" for standard input)');
  const format = formatByName(opts.format);
  if (!format) throw new UsageError(`--format ${opts.format}: unknown format`);
  const jobs = jobsOf(opts);
  const articleTimeoutMs = timeoutOf(opts);
  compareHeapOf(opts); // validated before any work, whether or not a comparison runs
  const workerSetup: WorkerSetup = { configFile: opts.config ?? findConfig(process.cwd()), extraRuleDirs: opts.rules, preload: preloadsOf() };
  const early = earlyPool(estimatedArticles(paths), jobs, workerSetup, articleTimeoutMs);
  try {
    return await runLoaded(paths, opts, io, { jobs, articleTimeoutMs, workerSetup, early });
  } finally {
    await early?.close();
  }
}

/** The files `check` writes, each with the option that named it. */
function outputTargets(opts: CheckOptions): OutputTarget[] {
  const named: Array<[string, string | undefined]> = [['--out', opts.out], ['--emit-facts', opts.emitFacts], ['--write-baseline', opts.writeBaseline]];
  return named.filter((n): n is [string, string] => Boolean(n[1])).map(([option, path]) => ({ option, path }));
}

async function runLoaded(paths: string[], opts: CheckOptions, io: CheckIO, threads: { jobs: number; articleTimeoutMs: number; workerSetup: WorkerSetup; early: CheckPool | null }): Promise<number> {
  const { jobs, articleTimeoutMs } = threads;
  const { config, rules } = loadSetup(opts);
  const maxWarnings = maxWarningsOf(opts);
  const baseline = loadBaselineOption(opts);
  if ((opts.baseline || opts.writeBaseline) && opts.format === 'jsonl') {
    throw new UsageError('--baseline and --write-baseline need the whole report: use --format json or text, not jsonl');
  }
  const targets = outputTargets(opts);
  // Listing what the run reads walks the input folders again: only for a run that writes files.
  if (targets.length) guardOutputs(targets, [...articleFiles(paths), ...setupFiles(config, opts), ...(opts.baseline ? [{ path: opts.baseline, what: 'the --baseline file', rewrittenBy: '--write-baseline' }] : [])]);
  const sink = opts.out ? fileSink({ option: '--out', path: opts.out }) : (io.stdout ?? stdoutSink());
  const factsSink = opts.emitFacts ? fileSink({ option: '--emit-facts', path: opts.emitFacts }) : null;
  try {
    return await runPipeline(paths, opts, { jobs, articleTimeoutMs, config, rules, maxWarnings, baseline, workerSetup: threads.workerSetup, early: threads.early }, sink, factsSink, io.stdin);
  } catch (e) {
    if (e instanceof OutputClosedError) {
      stderrOf(`credlint: ${e.message}\n`);
      return EXIT_OUTPUT;
    }
    throw e;
  } finally {
    await factsSink?.close();
  }
}

async function runPipeline(
  paths: string[],
  opts: CheckOptions,
  engine: {
    jobs: number;
    articleTimeoutMs: number;
    config: ReturnType<typeof loadSetup>['config'];
    rules: ReturnType<typeof loadSetup>['rules'];
    maxWarnings: number | undefined;
    baseline: ReturnType<typeof loadBaselineOption>;
    workerSetup: WorkerSetup;
    early: CheckPool | null;
  },
  sink: Sink,
  factsSink: Sink | null,
  stdin: AsyncIterable<Buffer> | undefined,
): Promise<number> {
  const started = performance.now();
  const { config, rules } = engine;
  const streaming = opts.format === 'jsonl';
  const comparing = opts.compare && config.compare.enabled;
  const plan = await planInputs(paths, { stdin });
  // -j is a maximum: a batch gets the threads its size is worth (an extra thread repeats V8's warm-up).
  const threads = batchThreads(plan.total, engine.jobs, opts.articleTimeout !== undefined, rules.some((r) => r.enabled && r.userPatterns));
  if (threads > 0) {
    tuneCompilerForBatch();
    engine.early?.resize(threads);
  }
  const progress = createProgress(plan.total, !opts.quiet && (plan.total === undefined || plan.total > 20));

  // What the run holds: in JSON/text mode every result (the report is one object), as the JSON string its
  // worker made of it; in JSONL mode none. Both hold the facts for the comparison (none with --no-compare)
  // and the window of articles in flight.
  const results: string[] = [];
  // --format json is written article by article from those strings (write-json-report.ts), unless a
  // baseline rewrites the report; the other whole-report formats parse them back into the report object.
  const spliced = opts.format === 'json' && !opts.baseline && !opts.writeBaseline;
  const tallies: Tally[] = [];
  const errors: InputError[] = [];
  const counter = new SummaryCounter();
  const failOn = opts.failOn;
  let gateFailed = false;
  let warnings = 0;
  // Every body is kept only where something reads them all: baseline fingerprints read a little context
  // around each flag, the HTML page shows the text. The comparison quotes only its reported pairs: it
  // keeps where each article was read and reads those again (bodies of standard input are kept in a
  // whole-report format; a JSONL stream quotes them by line and column).
  const keepBodies = !streaming && (Boolean(opts.baseline || opts.writeBaseline) || opts.format === 'html');
  const bodies: Article[] = [];
  // The comparison runs on its own thread, fed each article's facts as its result arrives (so it overlaps
  // the checking); it quotes reported pairs from where each article was read, or from the body itself
  // where it cannot be read again (standard input in a whole-report format) or is kept here anyway.
  // A batch checked on this thread is compared here too (the test faults are the comparison thread's).
  const fault = compareFault();
  // One article compares with nothing: its outcome is known without building its facts (unless they are written).
  const lone = comparing && plan.total === 1 && !factsSink;
  const checkedIds: string[] = [];
  const comparison = comparing && !lone ? new BatchComparison({ options: config.compare, heapMb: compareHeapOf(opts), fault, form: streaming ? 'line' : undefined, onThisThread: threads === 0 && !fault, aroundThreadStart: () => largerHeapForNextThread() }) : null;
  const originOf = new WeakMap<Article, Origin>();
  const onError = async (e: InputError): Promise<void> => {
    counter.error();
    if (streaming) await sink.write(renderErrorLine(e));
    else errors.push(e);
    note(opts, `${e.source}: ${e.message}`);
  };
  // Input errors keep their place among the results: each waits for the articles read before it.
  const pendingErrors: Array<{ after: number; error: InputError }> = [];
  let read = 0;
  async function* articles(): AsyncGenerator<Article> {
    for await (const item of plan.items) {
      if ('error' in item) pendingErrors.push({ after: read, error: item.error });
      else {
        read++;
        if (comparison && item.origin) originOf.set(item.article, item.origin);
        yield item.article;
      }
    }
  }
  const flushErrors = async (upTo: number): Promise<void> => {
    while (pendingErrors.length && pendingErrors[0]!.after <= upTo) await onError(pendingErrors.shift()!.error);
  };
  let done = 0;
  for await (const { article, checked } of checkEachCompact(articles(), plan.hintsFor, { rules, config }, threads, { workerSetup: engine.workerSetup, articleTimeoutMs: engine.articleTimeoutMs, pool: threads > 0 ? (engine.early ?? undefined) : undefined, form: spliced ? 'report' : 'line', facts: (comparing && !lone) || Boolean(factsSink) })) {
    await flushErrors(done);
    for (const e of errorsOf(article, checked)) await onError(e);
    if ('output' in checked) {
      const out = checked.output;
      if (failOn && RANK[out.verdict] >= RANK[failOn]) gateFailed = true;
      warnings += out.warnings;
      if (keepBodies) bodies.push(article);
      counter.counted(out.verdict, out.categories);
      if (lone) checkedIds.push(out.id);
      // renderArticleLine(result), from the result's JSON as it came.
      if (streaming) await sink.write(`{"type":"article","article":${out.resultJson}}\n`);
      else results.push(out.resultJson);
      if (spliced) tallies.push({ id: out.id, verdict: out.verdict, reported: out.reported, suppressed: out.suppressed, statsEnd: out.statsEnd });
      if (factsSink) await factsSink.write(renderFactsLine(out.facts!));
      if (comparison) {
        const origin = originOf.get(article);
        const body = keepBodies || (!origin && !streaming) ? article.body : undefined;
        comparison.add({ facts: out.facts!, origin: body === undefined ? origin : undefined, length: article.body.length, body });
      }
    }
    progress.tick(++done);
  }
  await flushErrors(Infinity);
  if (comparison) progress.stage('comparing…');

  // A JSONL stream writes the comparisons as the comparison thread finds them, in lines rendered there (none is kept here).
  const writeNow = streaming
    ? (done: Comparison[] | ComparisonChunk): Promise<void> => {
        // The thread sends chunks in line form; objects are rendered here the same way.
        const chunk = Array.isArray(done) ? comparisonChunk(done) : done;
        counter.comparisonsCounted(chunk.counts);
        return sink.write(chunk.lines);
      }
    : undefined;
  const compared: ComparisonOutcome = comparison ? await comparison.finish(writeNow) : lone ? loneOutcome(checkedIds) : { comparisons: [], corroboration: new Map(), clusters: undefined };
  await comparison?.close();
  progress.end();
  const { comparisons, corroboration, clusters } = compared;
  if (compared.error) await onError({ source: 'comparison', message: compared.error });

  if (streaming) {
    await writeComparisonLines(sink, counter, { comparisons, clusters, corroboration }, performance.now() - started);
  } else if (spliced) {
    await writeJsonReport(sink, results, tallies, { comparisons, errors, durationMs: performance.now() - started, clusters, corroboration });
  } else {
    const parsed = results.map((r) => JSON.parse(r) as ArticleResult);
    results.length = 0;
    applyCorroboration(parsed, corroboration);
    const { report, baselineUnwritten } = applyGateOptions(buildReport(parsed, comparisons, errors, performance.now() - started, clusters), bodies, config, opts, engine.baseline, stderrOf);
    const format = formatByName(opts.format)!;
    const rendered = format.render(report, {
      color: useColor({ flag: opts.color, toFile: Boolean(opts.out), isTTY: process.stdout.isTTY === true, env: process.env }),
      quiet: opts.quiet,
      failOn: opts.failOn,
      rules: rules.map(ruleInfo),
      texts: format.name === 'html' ? new Map(bodies.map((a) => [a.id, a.body])) : undefined,
    });
    await sink.write(rendered);
    await sink.close();
    const code = exitCode(report, failOn, engine.maxWarnings, opts.quiet ?? false);
    // The report is out; the baseline the user asked for is not, which is a problem of the call (like --out's).
    return baselineUnwritten ? 2 : code;
  }
  await sink.close();
  if (counter.finish(0).errors > 0) return 2;
  if (gateFailed) return 1;
  if (engine.maxWarnings !== undefined && warnings > engine.maxWarnings) {
    note(opts, `${warnings} warning(s), more than --max-warnings ${engine.maxWarnings}`);
    return 1;
  }
  return 0;
}

function ruleInfo(r: RuleInfo & { examples?: unknown }): RuleInfo {
  return { id: r.id, category: r.category, severity: r.severity, description: r.description, message: r.message, enabled: r.enabled, examples: r.examples as RuleInfo['examples'] };
}

export function exitCode(report: Report, failOn?: Verdict, maxWarnings?: number, quiet = true): number {
  if (report.errors.length) return 2;
  if (failOn && report.articles.some((a) => RANK[a.verdict] >= RANK[failOn])) return 1;
  if (maxWarnings !== undefined) {
    const n = countedWarnings(report);
    if (n > maxWarnings) {
      if (!quiet) stderrOf(`credlint: ${n} warning(s), more than --max-warnings ${maxWarnings}\n`);
      return 1;
    }
  }
  return 0;
}

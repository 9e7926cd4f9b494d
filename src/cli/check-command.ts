import type { ArticleFacts } from '../facts/facts.js';
import { applyCorroboration, checkEach, compareGathered, corroborationStats, errorsOf, threadsFor } from '../engine/check-batch.js';
import { preloadsOf } from '../engine/preload.js';
import { availableCores, DEFAULT_ARTICLE_TIMEOUT_MS } from '../engine/worker-pool.js';
import { planInputs } from '../engine/plan-inputs.js';
import { buildReport } from '../report/build-report.js';
import { escapeLine, escapeStrings } from '../report/escape-control.js';
import { renderJson } from '../report/formats/json.js';
import { renderArticleLine, renderComparisonLine, renderCorroborationLine, renderErrorLine, renderFactsLine, renderSummaryLine, SummaryCounter } from '../report/formats/jsonl.js';
import { renderText } from '../report/formats/text.js';
import type { Article, ArticleResult, InputError, Report, Verdict } from '../types.js';
import { EXIT_OUTPUT, fileSink, guardOut, OutputClosedError, stdoutSink, type Sink } from './output.js';
import { createProgress } from './progress.js';
import { loadSetup } from './setup.js';
import { UsageError } from './usage-error.js';

export interface CheckOptions {
  format: 'json' | 'text' | 'jsonl';
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
  const jobs = jobsOf(opts);
  const articleTimeoutMs = timeoutOf(opts);
  const { config, rules } = loadSetup(opts);
  if (opts.out) guardOut(opts.out, paths);
  if (opts.emitFacts) guardOut(opts.emitFacts, paths);
  if (opts.out && opts.emitFacts && opts.out === opts.emitFacts) throw new UsageError(`--emit-facts ${opts.emitFacts}: the same file as --out`);
  const sink = opts.out ? fileSink(opts.out) : (io.stdout ?? stdoutSink());
  const factsSink = opts.emitFacts ? fileSink(opts.emitFacts) : null;
  try {
    return await runPipeline(paths, opts, { jobs, articleTimeoutMs, config, rules }, sink, factsSink, io.stdin);
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
  engine: { jobs: number; articleTimeoutMs: number; config: ReturnType<typeof loadSetup>['config']; rules: ReturnType<typeof loadSetup>['rules'] },
  sink: Sink,
  factsSink: Sink | null,
  stdin: AsyncIterable<Buffer> | undefined,
): Promise<number> {
  const started = performance.now();
  const { config, rules } = engine;
  const streaming = opts.format === 'jsonl';
  const comparing = opts.compare && config.compare.enabled;
  const plan = await planInputs(paths, { stdin });
  const threads = threadsFor(plan.total, engine.jobs, opts.articleTimeout !== undefined);
  const progress = createProgress(plan.total, !opts.quiet && (plan.total === undefined || plan.total > 20));

  // What the run holds: in JSON/text mode every result (the report is one object); in JSONL mode only
  // the facts for the comparison (none with --no-compare) and the window of articles in flight.
  const results: ArticleResult[] = [];
  const facts: ArticleFacts[] = [];
  const errors: InputError[] = [];
  const counter = new SummaryCounter();
  const failOn = opts.failOn;
  let gateFailed = false;
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
        yield item.article;
      }
    }
  }
  const flushErrors = async (upTo: number): Promise<void> => {
    while (pendingErrors.length && pendingErrors[0]!.after <= upTo) await onError(pendingErrors.shift()!.error);
  };
  let done = 0;
  for await (const { article, checked } of checkEach(articles(), plan.hintsFor, { rules, config }, threads, { workerSetup: { configFile: config.file, extraRuleDirs: opts.rules, preload: preloadsOf() }, articleTimeoutMs: engine.articleTimeoutMs })) {
    await flushErrors(done);
    for (const e of errorsOf(article, checked)) await onError(e);
    if ('output' in checked) {
      const { result } = checked.output;
      if (failOn && RANK[result.verdict] >= RANK[failOn]) gateFailed = true;
      counter.article(result);
      if (streaming) await sink.write(renderArticleLine(result));
      else results.push(result);
      if (factsSink) await factsSink.write(renderFactsLine(checked.output.facts));
      if (comparing) facts.push(checked.output.facts);
    }
    progress.tick(++done);
  }
  await flushErrors(Infinity);
  progress.end();

  const compareErrors: InputError[] = [];
  const { comparisons, corroboration } = comparing ? compareGathered(facts, config, compareErrors) : { comparisons: [], corroboration: new Map() };
  facts.length = 0;
  for (const e of compareErrors) await onError(e);

  if (streaming) {
    for (const c of comparisons) {
      counter.comparison(c);
      await sink.write(renderComparisonLine(c));
    }
    for (const [id, c] of corroboration) await sink.write(renderCorroborationLine(id, corroborationStats(c)));
    await sink.write(renderSummaryLine(counter.finish(performance.now() - started)));
  } else {
    applyCorroboration(results, corroboration);
    const report = buildReport(results, comparisons, errors, performance.now() - started);
    const color = opts.color && !opts.out && process.stdout.isTTY === true;
    await sink.write(opts.format === 'text' ? renderText(escapeStrings(report), { color }) : renderJson(report));
  }
  await sink.close();
  if (counter.finish(0).errors > 0) return 2;
  return gateFailed ? 1 : 0;
}

export function exitCode(report: Report, failOn?: Verdict): number {
  if (report.errors.length) return 2;
  if (failOn && report.articles.some((a) => RANK[a.verdict] >= RANK[failOn])) return 1;
  return 0;
}

import { createReadStream } from 'node:fs';
import type { Corroboration } from '../compare/compare.js';
import { CompareSession } from '../compare/session.js';
import { planInputs } from '../engine/plan-inputs.js';
import { comparisonFailure } from '../engine/gathered-comparison.js';
import { BodyStore } from '../engine/quote-bodies.js';
import { factsProblem, type ArticleFacts } from '../facts/facts.js';
import { readLines } from '../input/read-lines.js';
import { MAX_RECORD_BYTES } from '../input/limits.js';
import { buildReport } from '../report/build-report.js';
import { escapeLine } from '../report/escape-control.js';
import { renderJson } from '../report/formats/json.js';
import { isJsonlLineType, renderErrorLine, SummaryCounter } from '../report/formats/jsonl.js';
import type { Comparison, InputError, StoryCluster } from '../types.js';
import { EXIT_OUTPUT, OutputClosedError, stdoutSink } from './output.js';
import { loadSetup } from './setup.js';
import { UsageError } from './usage-error.js';
import { writeComparisonLines } from './write-comparison-lines.js';

export interface CompareFactsOptions {
  format: 'json' | 'text' | 'jsonl';
  /** The shards' input files, read again only to quote the sentences of the reported pairs. */
  articles?: string[];
  rules: string[];
  config?: string;
  quiet?: boolean;
}

/** What a facts line is, for the errors about lines that are not. */
const FACTS_LINE = '(a facts line is {"type":"facts","facts":{...}}, as `credlint check --emit-facts` writes it)';

type FactsLine = { facts: ArticleFacts } | { skip: true } | { problem: string };

/** One non-blank line of a facts file: its facts, a line of a `--format jsonl` stream to pass over, or what is wrong with it. */
function readFactsLine(text: string): FactsLine {
  let rec: unknown;
  try {
    rec = JSON.parse(text);
  } catch (e) {
    return { problem: `invalid JSON line (${(e as Error).message})` };
  }
  if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) {
    return { problem: `not a facts line: ${rec === null ? 'null' : Array.isArray(rec) ? 'an array' : `a ${typeof rec}`} ${FACTS_LINE}` };
  }
  const { type, facts } = rec as { type?: unknown; facts?: unknown };
  if (type !== 'facts') {
    // A facts file may be a whole `--format jsonl` stream: its article, comparison and summary lines are not errors.
    if (typeof type === 'string' && isJsonlLineType(type)) return { skip: true };
    const what = type === undefined ? 'no "type"' : typeof type === 'string' ? `"type" is ${JSON.stringify(type.slice(0, 40))}` : `"type" is a ${type === null ? 'null' : typeof type}`;
    return { problem: `not a facts line: ${what} ${FACTS_LINE}` };
  }
  const problem = factsProblem(facts);
  return problem === null ? { facts: facts as ArticleFacts } : { problem: `bad facts line: ${problem}` };
}

/**
 * The facts lines of a file written by `check --emit-facts` (or a `--format jsonl` stream that holds them), each
 * with its `file:line`. A line that is not one is an error naming it; the other lines are read on.
 */
async function readFacts(path: string, into: (f: ArticleFacts, where: string) => void, error: (e: InputError) => void): Promise<void> {
  let n = 0;
  let bad = 0;
  const fail = (source: string, message: string): void => {
    bad++;
    error({ source, message });
  };
  try {
    for await (const line of readLines(createReadStream(path), MAX_RECORD_BYTES)) {
      const where = `${path}:${line.lineNo}`;
      if ('tooLong' in line) {
        fail(where, 'line is too long for a facts record');
        continue;
      }
      const text = line.bytes.toString('utf8').trim();
      if (!text) continue;
      const read = readFactsLine(text);
      if ('problem' in read) fail(where, read.problem);
      else if ('facts' in read) {
        into(read.facts, where);
        n++;
      }
    }
  } catch (e) {
    error({ source: path, message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
    return;
  }
  if (n === 0 && bad === 0) error({ source: path, message: 'holds no facts lines (write them with `credlint check --emit-facts FILE`)' });
}

/**
 * `credlint compare --facts FILE...`: the cross-document phase alone, over facts written by any number
 * of `check --emit-facts` runs (one per shard): the join of a map that ran elsewhere.
 */
export async function runCompareFacts(paths: string[], opts: CompareFactsOptions): Promise<number> {
  if (paths.length === 0) throw new UsageError('compare --facts: name one or more facts files');
  const started = performance.now();
  const { config } = loadSetup(opts);
  const errors: InputError[] = [];
  // Where each shard's article can be read again (only the reported pairs are quoted): origins, not bodies.
  const bodies = new BodyStore(false);
  const files = (opts.articles ?? []).filter((p) => p !== '-');
  if (files.length) {
    const plan = await planInputs(files, { firstPass: false });
    const known = new Set<string>();
    for await (const item of plan.items) {
      if (!('article' in item) || !item.origin || known.has(item.article.id)) continue;
      known.add(item.article.id);
      bodies.addAt(item.article.id, item.origin, item.article.body.length);
    }
  }
  // Each facts line is unpacked into the comparison as it is read: the packed records are not kept.
  const session = new CompareSession({ ...config.compare, enabled: true });
  const seen = new Set<string>();
  const repeated: InputError[] = [];
  let failed: string | null = null;
  // Unpacked 64 at a time: the session times each call, and reading the CPU clock per article costs more
  // than unpacking a small one.
  let pending: Array<{ facts: ArticleFacts; where: string }> = [];
  // A record whose packed data cannot be unpacked is its line's error; the others are compared.
  let unreadable = 0;
  const drain = (): void => {
    const list = pending;
    pending = [];
    if (failed !== null || list.length === 0) return;
    try {
      session.addMany(
        list.map((p) => p.facts),
        (i, e) => {
          unreadable++;
          errors.push({ source: list[i]!.where, article: list[i]!.facts.article, message: `bad facts line: its packed data cannot be read (${e.message})` });
        },
      );
    } catch (e) {
      failed = (e as Error)?.message ?? String(e);
    }
  };
  const add = (facts: ArticleFacts, where: string): void => {
    if (seen.has(facts.article)) repeated.push({ source: where, article: facts.article, message: `article id "${facts.article}" occurs in more than one facts line; ids must be unique across shards` });
    seen.add(facts.article);
    if (failed !== null) return;
    pending.push({ facts, where });
    if (pending.length >= 64) drain();
  };
  // The facts read before a bad line are unpacked first, so that the errors come in the order of the lines.
  const readError = (e: InputError): void => {
    drain();
    errors.push(e);
  };
  for (const p of paths) await readFacts(p, add, readError);
  drain();
  errors.push(...repeated);
  const count = seen.size + repeated.length - unreadable;
  let compared: { comparisons: Comparison[]; corroboration: Map<string, Corroboration>; clusters?: StoryCluster[] } = { comparisons: [], corroboration: new Map() };
  try {
    if (failed !== null) throw new Error(failed);
    compared = session.finish(files.length ? bodies.bodyOf : undefined);
    bodies.close();
  } catch (e) {
    errors.push(comparisonFailure((e as Error)?.message ?? String(e)));
  }
  const { comparisons, corroboration, clusters } = compared;
  if (!opts.quiet) for (const e of errors) process.stderr.write(`credlint: ${escapeLine(`${e.source}: ${e.message}`)}\n`);
  const sink = stdoutSink();
  try {
    if (opts.format === 'jsonl') {
      const counter = new SummaryCounter();
      for (const e of errors) {
        counter.error();
        await sink.write(renderErrorLine(e));
      }
      await writeComparisonLines(sink, counter, { comparisons, clusters, corroboration }, performance.now() - started);
    } else if (opts.format === 'json') {
      await sink.write(renderJson(buildReport([], comparisons, errors, performance.now() - started, clusters)));
    } else {
      const lines = comparisons.map((c) => escapeLine(`${c.type}${c.kind ? ` (${c.kind})` : ''}  ${c.similarity.toFixed(2)}  ${c.a.article} ↔ ${c.b.article}  ${c.message}`));
      await sink.write(`${[...lines, `${comparisons.length} comparison(s) among ${count} article(s)`].join('\n')}\n`);
    }
    await sink.close();
  } catch (e) {
    if (e instanceof OutputClosedError) return EXIT_OUTPUT;
    throw e;
  }
  return errors.length ? 2 : 0;
}

// `--format json` for a batch that holds its results as the JSON strings their workers made: the same
// bytes as renderJson(buildReport(...)), written article by article, so the parsed results and the whole
// report text (tens of MB for 10,000 articles, twice that as a two-byte string) are never held at once.
import type { Corroboration } from '../compare/compare.js';
import { corroborationStats } from '../engine/check-batch.js';
import { reportElement, type CompactOutput } from '../engine/compact-output.js';
import { buildReport } from '../report/build-report.js';
import { renderJson } from '../report/formats/json.js';
import type { ArticleResult, Comparison, Flag, InputError, StoryCluster } from '../types.js';
import type { Sink } from './output.js';

/** What the summary is counted from, for one article (its verdict and flags per category), and where its stats end. */
export type Tally = Pick<CompactOutput, 'id' | 'verdict' | 'reported' | 'suppressed' | 'statsEnd'>;

/** Where the articles go in the report rendered without them: `"articles": []` at the top level. */
const EMPTY_ARTICLES = '\n  "articles": []';
/** Articles rendered before they are written out in one piece. */
const CHUNK_CHARS = 1 << 20;

/**
 * An article standing in for its result where only the summary is read from it (buildReport counts
 * verdicts and flags per category): the same counts in the same order, without the result.
 */
function standIn(t: Tally): ArticleResult {
  const flags: Array<Pick<Flag, 'category' | 'suppressed'>> = [];
  for (const [category, n] of Object.entries(t.reported) as Array<[Flag['category'], number]>) for (let i = 0; i < n; i++) flags.push({ category });
  for (let i = 0; i < t.suppressed; i++) flags.push({ category: 'structure', suppressed: { kind: 'inline', reason: '' } });
  return { verdict: t.verdict, flags } as unknown as ArticleResult;
}

/**
 * `results`: each article's result in `report` form (compact-output.ts), made by the thread that checked it;
 * this thread only splices in the corroboration stats the comparison found.
 */
export async function writeJsonReport(
  sink: Sink,
  results: readonly string[],
  tallies: readonly Tally[],
  parts: { comparisons: Comparison[]; errors: InputError[]; durationMs: number; clusters?: StoryCluster[]; corroboration: ReadonlyMap<string, Corroboration> },
): Promise<void> {
  const report = buildReport(tallies.map(standIn), parts.comparisons, parts.errors, parts.durationMs, parts.clusters);
  const text = renderJson({ ...report, articles: [] });
  const at = text.indexOf(EMPTY_ARTICLES);
  if (results.length === 0 || at < 0) return sink.write(text);
  let out = `${text.slice(0, at)}\n  "articles": [`;
  for (let i = 0; i < results.length; i++) {
    out += `${i ? ',' : ''}\n    ${withCorroboration(results[i]!, tallies[i]!, parts.corroboration)}`;
    if (out.length >= CHUNK_CHARS) {
      await sink.write(out);
      out = '';
    }
  }
  await sink.write(`${out}\n  ]${text.slice(at + EMPTY_ARTICLES.length)}`);
}

/** An article's result with the corroboration stats at the end of its stats, as applyCorroboration adds them. */
function withCorroboration(json: string, tally: Tally, corroboration: ReadonlyMap<string, Corroboration>): string {
  const c = corroboration.get(tally.id);
  if (!c) return json;
  const stats = corroborationStats(c);
  if (tally.statsEnd === undefined) {
    const result = JSON.parse(json) as ArticleResult;
    Object.assign(result.stats, stats);
    return reportElement(result);
  }
  let added = '';
  for (const [k, v] of Object.entries(stats)) added += `,\n        ${JSON.stringify(k)}: ${JSON.stringify(v)}`;
  return json.slice(0, tally.statsEnd) + added + json.slice(tally.statsEnd);
}

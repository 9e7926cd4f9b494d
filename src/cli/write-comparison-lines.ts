import { corroborationStats } from '../engine/check-batch.js';
import type { Corroboration } from '../compare/compare.js';
import { renderClusterLine, renderComparisonLine, renderCorroborationLine, renderSummaryLine, type SummaryCounter } from '../report/formats/jsonl.js';
import type { Comparison, StoryCluster } from '../types.js';
import type { Sink } from './output.js';

/**
 * The end of a JSONL stream, shared by `check --format jsonl` and `compare --facts --format jsonl`: the
 * comparisons, the story clusters, the corroboration counts only the batch knows, then the summary line.
 */
export async function writeComparisonLines(
  sink: Sink,
  counter: SummaryCounter,
  compared: { comparisons: readonly Comparison[]; clusters?: readonly StoryCluster[]; corroboration: ReadonlyMap<string, Corroboration> },
  durationMs: number,
): Promise<void> {
  for (const c of compared.comparisons) {
    counter.comparison(c);
    await sink.write(renderComparisonLine(c));
  }
  for (const c of compared.clusters ?? []) await sink.write(renderClusterLine(c));
  for (const [id, c] of compared.corroboration) await sink.write(renderCorroborationLine(id, corroborationStats(c)));
  await sink.write(renderSummaryLine(counter.finish(durationMs)));
}

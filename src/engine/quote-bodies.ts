// The comparison works from facts alone, so a streamed run or a join over shards holds no bodies. To
// quote the sentences of the pairs it reports, the articles involved are read again from their files
// (a second pass, only for those ids): stdin cannot be read twice, so its pairs point at line and column.
import type { Comparison } from '../types.js';
import { planInputs } from './plan-inputs.js';

/** The ids on either side of the reported comparisons. */
export function articlesIn(comparisons: readonly Comparison[]): Set<string> {
  const ids = new Set<string>();
  for (const c of comparisons) {
    ids.add(c.a.article);
    ids.add(c.b.article);
  }
  return ids;
}

/** Bodies of the given articles, read again from the input paths (standard input skipped). */
export async function bodiesFromInputs(paths: readonly string[], ids: ReadonlySet<string>): Promise<Map<string, string>> {
  const bodies = new Map<string, string>();
  const files = paths.filter((p) => p !== '-');
  if (ids.size === 0 || files.length === 0) return bodies;
  const plan = await planInputs(files, { firstPass: false });
  for await (const item of plan.items) {
    if ('article' in item && ids.has(item.article.id)) {
      bodies.set(item.article.id, item.article.body);
      if (bodies.size === ids.size) break;
    }
  }
  return bodies;
}

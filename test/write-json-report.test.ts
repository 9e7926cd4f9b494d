// --format json written article by article from the workers' JSON strings must be the bytes of the report
// object rendered whole: the same summary (suppressed flags apart), corroboration in stats, same layout.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeJsonReport } from '../src/cli/write-json-report.js';
import { applyCorroboration } from '../src/engine/check-batch.js';
import { checkArticle } from '../src/engine/check-article.js';
import { compactOutput } from '../src/engine/compact-output.js';
import { buildReport } from '../src/report/build-report.js';
import { renderJson } from '../src/report/formats/json.js';
import { defaultConfig } from '../src/rules/config.js';
import type { ArticleResult } from '../src/types.js';
import { article, builtinRules, ROOT } from './helpers/run.js';

function collect(): { sink: { write: (s: string) => Promise<void>; close: () => Promise<void> }; text: () => string } {
  const parts: string[] = [];
  return { sink: { write: async (s) => void parts.push(s), close: async () => {} }, text: () => parts.join('') };
}

describe('the JSON report written from compact results', () => {
  const wire = readFileSync(join(ROOT, 'samples', 'wire-batch.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; body: string });
  const bodies = [
    ...wire.map((r) => ({ id: r.id, body: r.body, format: 'jsonl' as const })),
    { id: 'suppressed', body: 'Talks covered security,trade and the plan.\n<!-- credlint-disable-next-line spacing -->\nPrices rose in Tianjin,China on Monday.\n', format: 'md' as const },
    { id: 'scraped', body: readFileSync(join(ROOT, 'samples', 'scraped-harbour-page.txt'), 'utf8'), format: 'txt' as const },
  ];
  const checked = bodies.map((b) => checkArticle(article(b.body, { id: b.id, format: b.format }), builtinRules(), defaultConfig()));
  const outputs = checked.map((o) => compactOutput(o, 'report'));
  const corroboration = new Map([[bodies[1]!.id, { corroboratedClaims: 2, corroboratingArticles: 1, contradictedClaims: 1 }]]);
  const errors = [{ source: 'x.jsonl:3', message: 'invalid JSON line (test)' }];

  it('is byte for byte what renderJson(buildReport(...)) gives', async () => {
    expect(outputs.some((o) => o.suppressed > 0)).toBe(true);
    const { sink, text } = collect();
    await writeJsonReport(sink, outputs.map((o) => o.resultJson), outputs, { comparisons: [], errors, durationMs: 12.4, corroboration });
    const parsed = checked.map((o) => JSON.parse(JSON.stringify(o.result)) as ArticleResult);
    applyCorroboration(parsed, corroboration);
    expect(text()).toBe(renderJson(buildReport(parsed, [], errors, 12.4)));
  });

  it('splices the corroboration stats where the worker marked the stats\' end, or re-renders an article without the mark', async () => {
    expect(outputs.every((o) => o.statsEnd !== undefined)).toBe(true);
    const everyOne = new Map(outputs.map((o, i) => [o.id, { corroboratedClaims: i, corroboratingArticles: 1, contradictedClaims: 0 }]));
    const parsed = checked.map((o) => JSON.parse(JSON.stringify(o.result)) as ArticleResult);
    applyCorroboration(parsed, everyOne);
    const expected = renderJson(buildReport(parsed, [], errors, 3));
    const marked = collect();
    await writeJsonReport(marked.sink, outputs.map((o) => o.resultJson), outputs, { comparisons: [], errors, durationMs: 3, corroboration: everyOne });
    expect(marked.text()).toBe(expected);
    const unmarked = collect();
    await writeJsonReport(unmarked.sink, outputs.map((o) => o.resultJson), outputs.map((o) => ({ ...o, statsEnd: undefined })), { comparisons: [], errors, durationMs: 3, corroboration: everyOne });
    expect(unmarked.text()).toBe(expected);
  });

  it('an empty batch is the report with no articles', async () => {
    const { sink, text } = collect();
    await writeJsonReport(sink, [], [], { comparisons: [], errors, durationMs: 1, corroboration: new Map() });
    expect(text()).toBe(renderJson(buildReport([], [], errors, 1)));
  });
});

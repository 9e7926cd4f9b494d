// A one-article check skips building the comparison facts: the comparison of a batch of one is known without
// them (loneOutcome). Held here to what compareBatch gives over the real facts, article by article, and the
// CLI's one-article reports to the reports of the same runs that build the facts (--emit-facts).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareBatch, loneOutcome } from '../src/compare/compare.js';
import { checkArticle } from '../src/engine/check-article.js';
import { planInputs } from '../src/engine/plan-inputs.js';
import { defaultConfig } from '../src/rules/config.js';
import type { Article } from '../src/types.js';
import { builtinRules, cli, HAS_SHARED, newsPages, ROOT } from './helpers/run.js';
import { tempDir } from './helpers/tmp.js';

async function samples(): Promise<Article[]> {
  const plan = await planInputs([join(ROOT, 'samples')], { firstPass: false });
  const out: Article[] = [];
  for await (const item of plan.items) if ('article' in item) out.push(item.article);
  return out;
}

describe('loneOutcome', () => {
  it('is what compareBatch gives each article alone: no comparisons, no clusters, nothing corroborated', async () => {
    const articles = [...(await samples()), ...(HAS_SHARED ? newsPages().slice(0, 40).map((p) => ({ id: p.id, source: p.id, body: p.body })) : [])];
    expect(articles.length).toBeGreaterThan(6);
    const rules = builtinRules();
    const config = defaultConfig();
    for (const a of articles) {
      const { facts } = checkArticle(a, rules, config);
      const full = compareBatch([facts], config.compare);
      const { comparisons, clusters, corroboration } = full;
      expect(loneOutcome([a.id]), a.id).toEqual({ comparisons, clusters, corroboration });
    }
    const none = compareBatch([], config.compare);
    expect(loneOutcome([])).toEqual({ comparisons: none.comparisons, clusters: none.clusters, corroboration: none.corroboration });
  });

  it('is for one article only', () => {
    expect(() => loneOutcome(['a', 'b'])).toThrow(RangeError);
  });
});

describe('a one-article check', () => {
  const t = tempDir();
  const masked = (s: string): string => s.replace(/"durationMs": ?\d+/g, '"durationMs":0');
  for (const name of ['clean-council-budget.txt', 'recycled-dates.json', 'harbour-page.html']) {
    it(`reports ${name} as the run that builds its facts does`, () => {
      const file = join(ROOT, 'samples', name);
      for (const format of ['json', 'jsonl']) {
        const lone = cli(['check', file, '--format', format, '--quiet']);
        const withFacts = cli(['check', file, '--format', format, '--quiet', '--emit-facts', join(t.dir, `${name}.${format}.facts.jsonl`)]);
        expect(lone.status, lone.stderr).toBe(withFacts.status);
        expect(masked(lone.stdout)).toBe(masked(withFacts.stdout));
        // The comparison ran: a batch of one still carries its (empty) corroboration.
        expect(lone.stdout).toMatch(/corroborat/);
      }
    });
  }
});

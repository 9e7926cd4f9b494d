import { describe, expect, it } from 'vitest';
import { firstWords } from '../src/detectors/pattern-first-words.js';
import { markedFixtures } from './helpers/marked-fixtures.js';
import { buildDoc } from '../src/text/doc.js';
import { article, builtinRules, HAS_SHARED, seed } from './helpers/run.js';

describe('firstWords: the words a pattern can start with', () => {
  it('reads literal words, alternations, optional groups and stems', () => {
    expect(firstWords('only time will tell')).toEqual(new Set(['only']));
    expect(firstWords('(?:a|an) (?:bold|clear) vision')).toEqual(new Set(['a', 'an']));
    expect(firstWords('(?:so )?why wait')).toEqual(new Set(['so', 'why']));
    expect(firstWords('pav(?:e|es|ed) the way')).toEqual(new Set(['pav*']));
    expect(firstWords('analy[sz]e the data')).toEqual(new Set(['analy*']));
    expect(firstWords('plays? a role')).toEqual(new Set(['play*']));
  });

  it('gives up (null) where it cannot tell, so the pattern is tried everywhere', () => {
    expect(firstWords('\\p{L}+ and more')).toBeNull();
    expect(firstWords('(?<=x)y')).toBeNull();
    expect(firstWords('[abc]d')).toBeNull();
  });
});

describe.skipIf(!HAS_SHARED)('the first-word filter never hides a match of the boilerplate signals', () => {
  it('every match at a word start begins with one of its pattern’s first words', () => {
    const rule = builtinRules().find((r) => r.id === 'boilerplate/template-sentence')!;
    const signals = (rule.options as { signals: Array<{ name: string; patterns?: string[] }> }).signals;
    const texts = [seed('lukashenko-tianjin.txt'), seed('belarus-sco-membership.txt'), ...['boilerplate', 'boilerplate/heldout', 'boilerplate/heldout2', 'boilerplate/heldout3', 'boilerplate/heldout4', 'boilerplate/heldout5'].flatMap((f) => markedFixtures(f).map((x) => x.body))];
    let checked = 0;
    for (const body of texts) {
      const doc = buildDoc(article(body));
      const lower = body.toLowerCase();
      for (const signal of signals) {
        for (const p of signal.patterns ?? []) {
          const words = firstWords(p);
          if (!words) continue;
          const re = new RegExp(`(?:${p})(?![\\p{L}\\p{N}])`, 'yu');
          for (const tok of doc.tokens) {
            if (tok.kind !== 'word') continue;
            re.lastIndex = tok.start;
            if (!re.exec(lower)) continue;
            checked++;
            const ok = words.has(tok.norm) || [...words].some((w) => w.endsWith('*') && tok.norm.startsWith(w.slice(0, -1)));
            expect(ok, `${signal.name}: /${p}/ matched at "${tok.text}"`).toBe(true);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});

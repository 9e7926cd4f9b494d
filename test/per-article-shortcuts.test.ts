// The sixth round's per-article shortcuts (outside the prose detectors) must give exactly what the plain code gives:
// each is compared here with the computation it stands for, on samples/, the news and blog bodies of ../shared
// (when present) and random strings built from the characters the shortcut treats specially.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineFeatures } from '../src/chrome/line-features.js';
import { forEachRun, RUN } from '../src/detectors/mojibake.js';
import { compileChromeOptions, type ChromeOptions } from '../src/chrome/options.js';
import { CURRENT_YEAR, currentYearMatches } from '../src/dates/date-mentions.js';
import type { LoadedRule } from '../src/detectors/detector.js';
import { DETECTORS } from '../src/detectors/index.js';
import type { PreparedPattern } from '../src/detectors/pattern.js';
import { FINDING_STEPS, postprocess } from '../src/engine/postprocess/index.js';
import { defaultConfig } from '../src/rules/config.js';
import { loadRules } from '../src/rules/load-rules.js';
import { buildDoc } from '../src/text/doc.js';
import { overlapsProtected, protectedSpans } from '../src/text/protected-spans.js';
import type { Finding } from '../src/types.js';
import { article, ROOT } from './helpers/run.js';
import { randomStrings, realTexts } from './helpers/shortcut-texts.js';

const ctx = { hints: null, stat() {} };

describe('pattern rules: protected spans read at the first match that needs them', () => {
  it('flags what filtering every match against the spans computed up front flags', () => {
    const rules = loadRules(defaultConfig()).filter((r) => r.type === 'pattern' && (r.prepared as PreparedPattern).skip.size > 0) as LoadedRule<unknown, PreparedPattern>[];
    expect(rules.length).toBeGreaterThan(5);
    const glued = randomStrings(['a', 'B', '.', ',', ' ', '1', '2', 'www.', 'x.com', '@', '#', '`', 'U.S.', '...', 'v2.1.3', 'in', 'on2019'], 400, 60, 11);
    let flagged = 0;
    let skipped = 0;
    for (const text of [...realTexts(), ...glued]) {
      const doc = buildDoc(article(text));
      const plainDoc = buildDoc(article(text));
      const spans = protectedSpans(plainDoc);
      for (const rule of rules) {
        const lazy = DETECTORS.get('pattern')!.run(doc, rule, ctx);
        // The plain computation: every match the rule keeps without its skip list, then those outside the spans.
        const plainRule = { ...rule, prepared: { ...rule.prepared, skip: new Set() } } as LoadedRule<unknown, PreparedPattern>;
        const all = DETECTORS.get('pattern')!.run(plainDoc, plainRule, ctx) as Finding[];
        const plain = all.filter((f) => !overlapsProtected(spans, f.start, f.end, rule.prepared.skip));
        expect(lazy, `${rule.id} on ${JSON.stringify(text.slice(0, 80))}`).toEqual(plain);
        flagged += plain.length;
        skipped += all.length - plain.length;
      }
    }
    // The comparison saw both kept and skipped matches.
    expect(flagged).toBeGreaterThan(20);
    expect(skipped).toBeGreaterThan(20);
  });
});

describe('engine: a rule that found nothing skips the finding steps', () => {
  it('every step keeps an empty list empty', () => {
    for (const step of FINDING_STEPS) expect(step([], 100)).toEqual([]);
    expect(postprocess([], 0)).toEqual([]);
  });
});

describe('chrome: line features read the line\'s word tokens without a copy', () => {
  it('gives the features the line\'s full token list gives, and the counts the filtered arrays gave', () => {
    const pack = JSON.parse(readFileSync(join(ROOT, 'rules', 'chrome.json'), 'utf8')) as { rules: Array<{ options?: ChromeOptions }> };
    const o = compileChromeOptions(pack.rules.find((r) => r.options?.kinds)!.options!);
    const extra = ['Top 10 Weirdest Movies', '8 Crazy Championships', '2019 3 4 5', '... , ; !', 'June 9 -- Arena, City 12', '“ ” ( )'];
    let lines = 0;
    for (const text of [...realTexts(), extra.join('\n')]) {
      const doc = buildDoc(article(text));
      const sw = o.stopwords.get(doc.language) ?? o.allStopwords;
      for (const l of doc.lines) {
        if (l.blank) continue;
        const all = doc.tokens.filter((t) => t.start >= l.start && t.end <= l.end);
        const words = all.filter((t) => t.kind === 'word' || t.kind === 'number');
        const f = lineFeatures(l.text, o, sw, words, l.start);
        expect(f, JSON.stringify(l.text)).toEqual(lineFeatures(l.text, o, sw, all, l.start));
        const digits = words.filter((w) => /^\d/.test(w.text)).length;
        expect(f.numberShare).toBe(words.length ? digits / words.length : 0);
        lines++;
      }
    }
    expect(lines).toBeGreaterThan(1000);
  });
});

describe('dates: "the current year" tried only in texts that hold "year"', () => {
  it('finds what matchAll with the expression finds', () => {
    const global = new RegExp(CURRENT_YEAR.source, 'giu');
    const soup = randomStrings(['the ', 'this ', 'current ', 'present ', 'calendar ', 'year', 'YEAR', 'Year', 'years', ' ', 'a', 'ſ', 'K'], 5000, 12, 5);
    let found = 0;
    for (const text of [...realTexts(), ...soup]) {
      const got = [...currentYearMatches(text)].map((m) => [m.index, m[0]]);
      expect(got, JSON.stringify(text.slice(0, 80))).toEqual([...text.matchAll(global)].map((m) => [m.index, m[0]]));
      found += got.length;
    }
    expect(found).toBeGreaterThan(100);
  });
});

describe('mojibake: non-ASCII runs read by character code', () => {
  it('gives the runs matchAll with the expression gives, astral characters and lone surrogates included', () => {
    const soup = randomStrings(['a', ' ', 'é', '’', '“', '\u0080', '\u009f', '\uffff', '😀', '\ud83d', '\ude00', 'Ã', '©', 'â€', '\n'], 20_000, 16, 3);
    let runs = 0;
    for (const text of [...realTexts(), ...soup]) {
      const got: Array<[number, number]> = [];
      forEachRun(text, (start, end) => got.push([start, end]));
      expect(got, JSON.stringify(text.slice(0, 80))).toEqual([...text.matchAll(RUN)].map((m) => [m.index, m.index + m[0].length]));
      runs += got.length;
    }
    expect(runs).toBeGreaterThan(10_000);
  });
});

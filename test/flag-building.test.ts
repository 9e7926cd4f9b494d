// Turning findings into flags is per flag, so its shortcuts are compared here with the plain code they replaced:
// message templates split once, suggestion templates compiled at prepare time, duplicate spans keyed by a number,
// and a result laid out as an element of the report's array without re-indenting it line by line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSuggestion, pattern } from '../src/detectors/pattern.js';
import { reportElement } from '../src/engine/compact-output.js';
import { dropDuplicates } from '../src/engine/postprocess/drop-duplicates.js';
import { formatMessage, quote } from '../src/report/format-message.js';
import { buildDoc } from '../src/text/doc.js';
import type { Finding } from '../src/types.js';
import { article, builtinRules, check, ROOT } from './helpers/run.js';
import { realTexts } from './helpers/shortcut-texts.js';

/** The template filling formatMessage replaced (one replace over a table of values), minus inherited keys. */
function formatPlain(template: string, finding: Finding, text: string): string {
  const values: Record<string, string> = { text: quote(text), suggestion: finding.suggestion ?? '' };
  for (const [k, v] of Object.entries(finding.data ?? {})) values[k] = String(v);
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.hasOwn(values, key) ? values[key]! : whole));
}

/** The suggestion expansion compileSuggestion replaced. */
function suggestPlain(template: string, m: RegExpExecArray): string {
  return template.replace(/\$(\d|&|<(\w+)>)/g, (_, ref: string, name?: string) => {
    if (ref === '&') return m[0];
    if (name) return m.groups?.[name] ?? '';
    return m[Number(ref)] ?? '';
  });
}

describe('flag messages: templates split once', () => {
  const finding: Finding = { start: 0, end: 5, suggestion: 'Tianjin, China', data: { w1: 'Tianjin', w2: 'China', n: 3 } };
  const templates = [
    'Missing space after the comma in {text}.',
    'Missing space in "{w1},{w2}"; write {suggestion}.',
    '{w1}{w2}{n}',
    'No placeholders at all.',
    '{unknown} stays, {text} fills, {constructor} and {toString} are not values',
    '{ text } {text',
    '',
    '{text}{text}{suggestion}{suggestion}',
  ];

  it('fills what the plain replace fills, for every template and with or without data', () => {
    for (const t of templates) {
      for (const f of [finding, { start: 0, end: 5 }, { start: 0, end: 5, data: { text: 'own text', suggestion: 'own' } }]) {
        expect(formatMessage(t, f, '  Tianjin,China,to\n')).toBe(formatPlain(t, f, '  Tianjin,China,to\n'));
        // The second call reads the cached split: same answer.
        expect(formatMessage(t, f, 'x')).toBe(formatPlain(t, f, 'x'));
      }
    }
  });

  it('keeps a placeholder nothing names, and never fills one from what every object inherits', () => {
    expect(formatMessage('{constructor} {hasOwnProperty} {nope}', { start: 0, end: 1 }, 'a')).toBe('{constructor} {hasOwnProperty} {nope}');
    expect(formatMessage('{suggestion}|', { start: 0, end: 1 }, 'a')).toBe('|');
  });

  it('quotes the flagged text on one line, shortened in the middle', () => {
    const long = 'word '.repeat(40);
    expect(formatMessage('In {text}.', { start: 0, end: 1 }, long)).toBe(`In ${quote(long)}.`);
    expect(formatMessage('In {text}.', { start: 0, end: 1 }, 'a\n\tb')).toBe('In a b.');
  });

  it('fills the message of every shipped rule as the plain replace does', () => {
    const rules = builtinRules();
    expect(rules.length).toBeGreaterThan(20);
    for (const rule of rules) {
      const keys = [...rule.message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const data = Object.fromEntries(keys.filter((k) => k !== 'text' && k !== 'suggestion').map((k, i) => [k, i % 2 ? i : `v${i}`]));
      for (const f of [{ start: 0, end: 3, data, suggestion: 'fix' }, { start: 0, end: 3 }]) {
        expect(formatMessage(rule.message, f, 'a,b'), rule.id).toBe(formatPlain(rule.message, f, 'a,b'));
      }
    }
  });
});

describe('suggestions: templates compiled at prepare time', () => {
  const re = /(?<w>[A-Z][a-z]+),(?<n>[A-Z][a-z]+)(x)?/dgu;
  const templates = ['$<w>, $<n>', '$1 $2 $3', '$&!', '$9$0', 'plain', '', '$$1', '$<missing>-$<w>', '$', '$<>', '$10'];

  it('expands what the plain replace expands, including groups that did not take part', () => {
    const text = 'From Tianjin,China to Lyon,France and Oslox,Norwayx.';
    for (const t of templates) {
      const compiled = compileSuggestion(t);
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      let n = 0;
      while ((m = re.exec(text)) !== null) {
        n++;
        expect(compiled(m), t).toBe(suggestPlain(t, m));
      }
      expect(n).toBe(3);
    }
  });

  it('a pattern rule suggests the same text through the compiled template', () => {
    const prepared = pattern.prepare({ pattern: '(?<a>\\p{L}+),(?<b>\\p{L}+)', replacement: '$<a>, $<b> ($&)' });
    const doc = buildDoc(article('Tianjin,China and Zürich,Genève.'));
    const out = pattern.run(doc, { prepared } as never);
    expect(out.map((f) => f.suggestion)).toEqual(['Tianjin, China (Tianjin,China)', 'Zürich, Genève (Zürich,Genève)']);
    expect(out[0]!.data).toEqual({ a: 'Tianjin', b: 'China' });
  });

  it('a group named __proto__ is an own data key, as before', () => {
    const prepared = pattern.prepare({ pattern: '(?<__proto__>\\d+)x(?<other>\\d+)?' });
    const out = pattern.run(buildDoc(article('size 3x4 and 5x')), { prepared } as never);
    expect(out).toHaveLength(2);
    expect(Object.getPrototypeOf(out[0]!.data)).toBe(Object.prototype);
    expect(Object.hasOwn(out[0]!.data!, '__proto__')).toBe(true);
    expect(Object.entries(out[0]!.data!)).toEqual([['__proto__', '3'], ['other', '4']]);
    expect(Object.entries(out[1]!.data!)).toEqual([['__proto__', '5'], ['other', '']]);
  });
});

describe('duplicate spans keyed by a number', () => {
  const plain = (fs: Finding[]): Finding[] => {
    const seen = new Set<string>();
    return fs.filter((f) => !seen.has(`${f.start}:${f.end}`) && (seen.add(`${f.start}:${f.end}`), true));
  };

  it('drops what the string keys dropped, keeping the first of each span, at small and huge offsets', () => {
    let seed = 11;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const big = 2 ** 26;
    for (let round = 0; round < 50; round++) {
      const fs: Finding[] = [];
      for (let i = 0; i < 200; i++) {
        // Small offsets collide often; offsets at and past 2^26 take the string keys; start*(2^26+1)+end must not
        // make two spans one key.
        const base = round % 3 === 0 ? big - 5 : round % 3 === 1 ? 0 : 3 * big;
        const start = base + rand(8);
        fs.push({ start, end: start + rand(4), message: String(i) });
      }
      fs.push({ start: 1, end: big + 1 }, { start: 2, end: 1 }, { start: 1, end: big + 1 }, { start: 0, end: 2 * big + 3 });
      expect(dropDuplicates(fs)).toEqual(plain(fs));
    }
  });
});

describe('a result laid out as an element of the report', () => {
  it('is the result stringified with two-space indents and shifted by four, as before', () => {
    const bodies = readdirSync(join(ROOT, 'samples'))
      .filter((f) => f.endsWith('.txt') || f.endsWith('.md'))
      .map((f) => readFileSync(join(ROOT, 'samples', f), 'utf8'));
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of [...bodies, ...realTexts().slice(0, 20), 'line\none\n"quoted"\t\u2028']) {
      const r = check(body);
      expect(reportElement(r)).toBe(JSON.stringify(r, null, 2).replaceAll('\n', '\n    '));
    }
  });
});

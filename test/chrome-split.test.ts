// The chrome rule's first lines are matched pattern by pattern behind a literal prefilter (src/chrome/options.ts,
// kindOfLine) instead of through the combined expressions, which a one-article run would otherwise compile. Each
// step is checked against what it stands for: the case folding against the engine's own i+u matching for every
// character, each pattern's literals against its matches, and the split answer against the combined expression.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_CACHE_FILE } from '../src/shipped/build-cache.js';
import { chromeLiterals, LITERALS_TABLE, compileChromeOptions, kindOfLine, splitPatternRegExp, type ChromeOptions, type CompiledChromeOptions } from '../src/chrome/options.js';
import { foldCase } from '../src/text/fold-case.js';
import { ROOT } from './helpers/run.js';
import { randomStrings, realTexts } from './helpers/shortcut-texts.js';

const pack = JSON.parse(readFileSync(join(ROOT, 'rules', 'chrome.json'), 'utf8')) as { rules: Array<{ options?: ChromeOptions }> };
const shipped = (): CompiledChromeOptions => compileChromeOptions(pack.rules.find((r) => r.options?.kinds)!.options!);

/** Options that always take one path: the split patterns, or the combined expressions. */
const splitOnly = (o: CompiledChromeOptions): CompiledChromeOptions => ({ ...o, split: { ...o.split!, callsLeft: Number.POSITIVE_INFINITY } });
const combinedOnly = (o: CompiledChromeOptions): CompiledChromeOptions => ({ ...o, split: null });

const realLines = (): string[] => [...new Set(realTexts().flatMap((t) => t.split('\n')).map((l) => l.trim()).filter(Boolean))];

// Words of the patterns in several cases, the characters whose case folding is not their lower case, separators.
const SOUP = ['share', 'Share', 'SHARE', 'ſhare', 'comment', 'Comments', 'reply', 'Reply', 'By', 'by', 'Jane', 'Doe', 'Updated', 'photo', 'Photo:', 'AP', 'read more', 'Related', 'cookie', 'COOKIES', 'we use', 'Kelvin', 'liKe', 'Σ', 'ς', 'σ', 'ß', 'ẞ', 'İ', 'ᲀ', 'поделиться', 'ПОДЕЛИТЬСЯ', 'реклама', 'Фото', '»', '›', '|', '/', '•', '12', '3', ':', '.', ' ', ' ', ' ', '\t', '(', ')', '©', '#', '-', '+'];

describe('chrome: case folding of the literal prefilter', () => {
  it('maps every character the i and u flags match together to one string', () => {
    // Characters without case mappings (their folding is themselves): a class of all of them must match no cased character.
    const cased: number[] = [];
    const ranges: string[] = [];
    let from = -1;
    for (let c = 0; c <= 0x110000; c++) {
      const ch = c <= 0x10ffff && !(c >= 0xd800 && c <= 0xdfff) ? String.fromCodePoint(c) : null;
      const isCased = ch !== null && (ch.toLowerCase() !== ch || ch.toUpperCase() !== ch);
      if (isCased) cased.push(c);
      if (ch !== null && !isCased) {
        if (from < 0) from = c;
      } else if (from >= 0) {
        ranges.push(`\\u{${from.toString(16)}}-\\u{${(c - 1).toString(16)}}`);
        from = -1;
      }
    }
    const caselessClass = new RegExp(`[${ranges.join('')}]`, 'iu');
    for (const c of cased) expect(caselessClass.test(String.fromCodePoint(c)), String.fromCodePoint(c)).toBe(false);
    // Cased characters: grouped by their folding, each group matches exactly its own members among them.
    const groups = new Map<string, string[]>();
    for (const c of cased) {
      const ch = String.fromCodePoint(c);
      const f = foldCase(ch);
      let g = groups.get(f);
      if (!g) groups.set(f, (g = []));
      g.push(ch);
    }
    const esc = (ch: string): string => (/[\]\\^-]/.test(ch) ? `\\${ch}` : ch);
    for (const [f, members] of groups) {
      const re = new RegExp(`^[${members.map(esc).join('')}]$`, 'iu');
      for (const c of cased) {
        const ch = String.fromCodePoint(c);
        if (re.test(ch)) expect(foldCase(ch), `${ch} against ${members.join('')}`).toBe(f);
      }
    }
    // Folding a string folds each character (the final sigma's context aside).
    for (const s of ['ΟΔΟΣ ΣΑ', 'Straße İstanbul', 'ſhare Kelvin', 'ДОМ ᲀ']) expect(foldCase(s)).toBe([...s].map(foldCase).join(''));
  });
});

describe('chrome: literals of a pattern', () => {
  it('reads required words and refuses what it cannot prove', () => {
    expect(chromeLiterals('(?:share|tweet)(?:\\s*this)?')).toEqual(['share', 'tweet']);
    expect(chromeLiterals('\\d+\\s*(?:shares?|Views?)')).toEqual(['share', 'view']);
    expect(chromeLiterals('(?:\\d+\\s+)?comments?')).toEqual(['comment']);
    expect(chromeLiterals('(?=.*:)\\S+ says')).toEqual([' says']);
    expect(chromeLiterals('a|\\d+')).toEqual(['a', ...'0123456789']);
    expect(chromeLiterals('a|\\w+')).toBeNull();
    expect(chromeLiterals('[+-]\\d|[(\\[]\\d')).toEqual(['+', '-', '(', '[']);
    expect(chromeLiterals('[a-z]|[^x]')).toBeNull();
    expect(chromeLiterals('(?:x)?')).toBeNull();
    expect(chromeLiterals('[a-z]+')).toBeNull();
    expect(chromeLiterals('Фото:')).toEqual(['фото:']);
    // Words joined across groups (src/text/required-literals.ts reads the whole sequence).
    expect(chromeLiterals('about the (?:author|writer)s?')).toEqual(['about the author', 'about the writer']);
  });

  it('keeps in the build-time table what reading the pattern gives', () => {
    // src/shipped/build-cache.ts resolves dist/build-cache.json from src/ as ../build-cache.json: read the built one.
    const file = join(ROOT, 'dist', 'build-cache.json');
    expect(BUILD_CACHE_FILE.endsWith('build-cache.json')).toBe(true);
    if (!existsSync(file)) return;
    const table = (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string[] | null>>)[LITERALS_TABLE] ?? {};
    const patterns = Object.values(pack.rules.find((r) => r.options?.kinds)!.options!.kinds).flatMap((k) => [...(k.lines ?? []), ...(k.starts ?? [])]);
    for (const p of patterns) expect(table[p], p).toEqual(chromeLiterals(p));
  });

  it('finds one of each pattern’s literals in every line the pattern matches', () => {
    const o = shipped();
    const lines = [...realLines(), ...randomStrings(SOUP, 20_000, 8, 3)];
    let matched = 0;
    for (const p of [...o.split!.lines, ...o.split!.starts]) {
      if (!p.literals) continue;
      const re = splitPatternRegExp(p);
      for (const l of lines) {
        if (!re.test(l)) continue;
        matched++;
        const f = foldCase(l);
        expect(p.literals.some((x) => f.includes(x)), `${re.source} on ${JSON.stringify(l)}`).toBe(true);
      }
    }
    expect(matched).toBeGreaterThan(50);
  });
});

describe('chrome: the first lines matched pattern by pattern', () => {
  it('gives the kind the combined expressions give', () => {
    const o = shipped();
    const lines = [...realLines(), ...randomStrings(SOUP, 20_000, 8, 5), 'Share this:', 'Advertisement', 'Read more »', 'By Jane Doe | Updated', 'Photo: AP', 'ſhare', 'РЕКЛАМА', 'x'.repeat(250)];
    let kinds = 0;
    for (const l of lines) {
      const head = l.slice(0, 160);
      const tail = l.slice(-160);
      for (const short of [true, false]) {
        const combined = kindOfLine(combinedOnly(o), l, head, tail, short)?.name ?? null;
        expect(kindOfLine(splitOnly(o), l, head, tail, short)?.name ?? null, JSON.stringify(l)).toBe(combined);
        if (combined) kinds++;
      }
    }
    expect(kinds).toBeGreaterThan(100);
  });

  it('hands over to the combined expressions after the first lines', () => {
    const o = shipped();
    expect(o.split!.callsLeft).toBeGreaterThan(0);
    for (let i = 0; i < 1000; i++) kindOfLine(o, 'Share this:', 'Share this:', 'Share this:', true);
    expect(o.split!.callsLeft).toBe(0);
    expect(kindOfLine(o, 'Share this:', 'Share this:', 'Share this:', true)?.name).toBe('share');
  });

  it('does not split patterns with back-references', () => {
    const o = compileChromeOptions({ stopwords: { eng: ['the'] }, kinds: { a: { label: 'a', lines: ['(x)\\1'] }, b: { label: 'b', starts: ['y'] } } });
    // (In the combined expression \1 counts the kinds' own groups: the split patterns would count differently.)
    expect(o.split).toBeNull();
  });
});

describe('chrome: the line-end gate', () => {
  // Credit words in several cases, with the characters that fold to ASCII letters (Kelvin sign, long s) and the
  // ones that do not (dotted İ), the separators the end patterns read.
  const CREDITS = ['credit', 'Credit', 'CREDITS', 'cRedit', 'photo', 'Photo', 'AP', 'ap', 'Reuters', 'REUTERS', 'afp', 'Getty Images', 'getty', 'images', 'shutterstock', 'SHUTTERSTOCK', 'iStock', 'iſtock', 'alamy', 'epa', 'file', 'FILE', 'Kelvin', 'İ', 'ſ', 'ς', '[', ']', '(', ')', '/', ':', ' ', ' ', '.', 'x'];

  it('passes every line tail the end expression matches, and the kind stays the same', () => {
    const o = shipped();
    expect(o.endsGate).not.toBeNull();
    const ungated: CompiledChromeOptions = { ...o, endsGate: null };
    const lines = [...realLines(), ...randomStrings(CREDITS, 30_000, 7, 11), 'Photo credit: Jane Doe', '(AP Photo/Jane Doe)', 'Image: Shutterstock', '[FILE: a picture]', 'tree / REUTERS'];
    let matched = 0;
    let gated = 0;
    for (const l of lines) {
      const tail = l.slice(-160);
      if (o.combined.ends!.test(tail)) {
        matched++;
        expect(o.endsGate!.test(tail), JSON.stringify(tail)).toBe(true);
      } else if (!o.endsGate!.test(tail)) gated++;
      expect(kindOfLine(o, l, l, tail, false)?.name ?? null).toBe(kindOfLine(ungated, l, l, tail, false)?.name ?? null);
    }
    // Both sides are exercised: many tails match, many more are turned away before the expression.
    expect(matched).toBeGreaterThan(500);
    expect(gated).toBeGreaterThan(1000);
  });

  it('is left out when a literal is not ASCII or a pattern has none', () => {
    expect(compileChromeOptions({ stopwords: { eng: ['the'] }, kinds: { a: { label: 'a', ends: ['фото'] } } }).endsGate).toBeNull();
    expect(compileChromeOptions({ stopwords: { eng: ['the'] }, kinds: { a: { label: 'a', ends: ['credit', '\\p{L}+$'] } } }).endsGate).toBeNull();
    expect(compileChromeOptions({ stopwords: { eng: ['the'] }, kinds: { a: { label: 'a', ends: ['credit'] } } }).endsGate?.test('Photo CREDIT: x')).toBe(true);
  });
});

import type { Finding, Sentence } from '../types.js';
import { insideSpans, quotedSpans } from '../text/quoted-spans.js';
import type { Doc } from '../text/doc.js';
import type { Detector } from './detector.js';

/** One kind of evidence that a sentence is template prose, with its weight. */
export interface SignalSpec {
  name: string;
  /** Plain words for the message ("refers to the article itself"). */
  label: string;
  weight: number;
  /** Every distinct match adds the weight (up to `max` times); otherwise the signal counts once per sentence. */
  each?: boolean;
  max?: number;
  /** Regular expressions (matched case-insensitively on word boundaries). */
  patterns?: string[];
  /** Plain words or phrases; a trailing `*` accepts any ending (`underscor*`). */
  words?: string[];
  /** Skip matches written with a capital inside a sentence: names ("Paramount Pictures", "Vibrant Media"). */
  skipNames?: boolean;
}

export interface BoilerplateSentenceOptions {
  /** A sentence whose signals add up to this score is flagged. */
  threshold: number;
  /** Ignore matches inside quoted speech (default true): a speaker's words are not the writer's padding. */
  skipQuotes?: boolean;
  signals: SignalSpec[];
  /**
   * A sentence of at least `minWords` words that names nothing: no number, no name (no capital after the first
   * word), no quotation. Alone it is ordinary prose; with other signals it marks padding.
   */
  vague?: { label: string; weight: number; minWords: number };
}

interface PreparedSignal {
  spec: SignalSpec;
  re: RegExp;
}

interface PreparedBoilerplate {
  threshold: number;
  vague: BoilerplateSentenceOptions['vague'] | null;
  skipQuotes: boolean;
  signals: PreparedSignal[];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "underscor*" → underscor\p{L}*; spaces match any run of whitespace; apostrophes match both forms. */
function wordSource(w: string): string {
  const prefix = w.endsWith('*');
  const body = escape(prefix ? w.slice(0, -1) : w)
    .replace(/\s+/g, '\\s+')
    .replace(/'/g, "['’]");
  return prefix ? `${body}[\\p{L}\\p{M}]*` : body;
}

function compileSignal(spec: SignalSpec): RegExp {
  const parts = [...(spec.patterns ?? []), ...(spec.words ?? []).map(wordSource)];
  if (!parts.length) throw new Error(`signal "${spec.name}" has neither patterns nor words`);
  const source = `(?<![\\p{L}\\p{N}])(?:${parts.map((p) => `(?:${p})`).join('|')})(?![\\p{L}\\p{N}])`;
  try {
    return new RegExp(source, 'giu');
  } catch (e) {
    throw new Error(`signal "${spec.name}": invalid regular expression: ${(e as Error).message}`);
  }
}

/** Index of the sentence containing `offset`, or -1 (between sentences). Sentences are sorted. */
function sentenceAt(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  const i = lo - 1;
  return i >= 0 && offset < sentences[i]!.end ? i : -1;
}

/** No number, no name (a capital after the first word, other than "I"), no quotation, and long enough. */
function namesNothing(doc: Doc, sentence: Sentence, minWords: number): boolean {
  let words = 0;
  for (let t = sentence.tokenFrom; t < sentence.tokenTo; t++) {
    const tok = doc.tokens[t]!;
    if (tok.kind === 'number') return false;
    if (tok.kind === 'punct' && /["“”«»„]/u.test(tok.text)) return false;
    if (tok.kind !== 'word') continue;
    if (words > 0 && /^\p{Lu}/u.test(tok.text) && tok.text !== 'I') return false;
    if (/\d/u.test(tok.text)) return false;
    words++;
  }
  return words >= minWords;
}

const norm = (s: string): string => s.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ');

/**
 * Scores every sentence for template prose: several weak signals (a stock closing, generic intensifiers,
 * a reference to the article itself, a photo that is not there) add up; a sentence reaching the threshold is
 * flagged and the message names the signals that fired. One generic word alone never flags a sentence.
 */
export const boilerplateSentence: Detector<BoilerplateSentenceOptions, PreparedBoilerplate> = {
  type: 'boilerplate-sentence',
  summary: 'Scores each sentence by weighted template signals (self-reference, stock openings and closings, generic intensifiers) and flags sentences reaching a threshold.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['threshold', 'signals'],
    properties: {
      threshold: { type: 'number', exclusiveMinimum: 0 },
      skipQuotes: { type: 'boolean' },
      vague: {
        type: 'object',
        additionalProperties: false,
        required: ['label', 'weight', 'minWords'],
        properties: { label: { type: 'string', minLength: 1 }, weight: { type: 'number', exclusiveMinimum: 0 }, minWords: { type: 'integer', minimum: 1 } },
      },
      signals: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'label', 'weight'],
          properties: {
            name: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
            label: { type: 'string', minLength: 1 },
            weight: { type: 'number', exclusiveMinimum: 0 },
            each: { type: 'boolean' },
            max: { type: 'integer', minimum: 1 },
            patterns: { type: 'array', items: { type: 'string', minLength: 1 } },
            words: { type: 'array', items: { type: 'string', minLength: 2 } },
            skipNames: { type: 'boolean' },
          },
        },
      },
    },
  },
  prepare(o) {
    return {
      threshold: o.threshold,
      vague: o.vague ?? null,
      skipQuotes: o.skipQuotes !== false,
      signals: o.signals.map((spec) => ({ spec, re: compileSignal(spec) })),
    };
  },
  run(doc, rule, ctx) {
    const { threshold, skipQuotes, signals, vague } = rule.prepared;
    const quotes = skipQuotes ? quotedSpans(doc) : [];
    // sentence index → signal index → distinct matched texts, in order of appearance
    const hits = new Map<number, Map<number, string[]>>();
    // Spans already counted, per sentence: a word is evidence for one signal only (the first in pack order).
    const counted = new Map<number, Array<[number, number]>>();
    signals.forEach((signal, si) => {
      const re = new RegExp(signal.re.source, signal.re.flags);
      let m: RegExpExecArray | null;
      while ((m = re.exec(doc.text)) !== null) {
        if (m[0] === '') {
          re.lastIndex++;
          continue;
        }
        const end = m.index + m[0].length;
        if (skipQuotes && insideSpans(quotes, m.index, end)) continue;
        const s = sentenceAt(doc.sentences, m.index);
        if (s < 0) continue;
        if (signal.spec.skipNames && m.index > doc.sentences[s]!.start && /^\p{Lu}/u.test(m[0])) continue;
        const taken = counted.get(s) ?? [];
        if (taken.some(([a, b]) => a < end && m!.index < b)) continue;
        taken.push([m.index, end]);
        counted.set(s, taken);
        let bySignal = hits.get(s);
        if (!bySignal) hits.set(s, (bySignal = new Map()));
        const found = bySignal.get(si) ?? [];
        const key = norm(m[0]);
        if (!found.some((f) => norm(f) === key)) found.push(m[0].replace(/\s+/g, ' '));
        bySignal.set(si, found);
      }
    });

    const out: Finding[] = [];
    for (const [s, bySignal] of [...hits].sort((a, b) => a[0] - b[0])) {
      let score = 0;
      let matches = 0;
      const reasons: string[] = [];
      for (const [si, found] of [...bySignal].sort((a, b) => a[0] - b[0])) {
        const { spec } = signals[si]!;
        const count = spec.each ? Math.min(found.length, spec.max ?? Infinity) : 1;
        matches += count;
        score += spec.weight * count;
        reasons.push(`${spec.label} (${found.map((f) => `“${f}”`).join(', ')})`);
      }
      const sentence = doc.sentences[s]!;
      // Vagueness only tips a sentence that already has two pieces of evidence.
      if (vague && matches >= 2 && score < threshold && score + vague.weight >= threshold && namesNothing(doc, sentence, vague.minWords)) {
        score += vague.weight;
        reasons.push(vague.label);
      }
      if (score < threshold) continue;
      out.push({ start: sentence.start, end: sentence.end, data: { signals: reasons.join('; '), score } });
    }
    ctx.stat('templateSentences', out.length);
    return out;
  },
};

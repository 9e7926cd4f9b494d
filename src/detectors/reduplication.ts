import type { Finding, Token } from '../types.js';
import { STOPWORDS } from '../text/content-words.js';
import type { Detector } from './detector.js';

export interface ReduplicationOptions {
  /** Connectors between the two copies ("growth and growth", "growth, growth"); adjacent copies ("the the") are always checked. */
  connectors?: string[];
  /** Longest repeated unit in words. */
  maxWords?: number;
  /** Whole reduplications that are idiomatic ("more and more", "over and over"). */
  idioms?: string[];
  /** Words whose reduplication is idiomatic or grammatical ("had had", "that that", "hours and hours"). */
  idiomaticWords?: string[];
  /** Treat comparatives ("bigger and bigger", "better and better") as idiomatic. Default true. */
  comparatives?: boolean;
}

interface Prepared {
  connectors: Set<string>;
  maxWords: number;
  idioms: Set<string>;
  idiomaticWords: Set<string>;
  comparatives: boolean;
}

// "bigger", "faster", "worse": the reduplicated comparative ("bigger and bigger") is ordinary English.
const COMPARATIVE = /^(?:\p{L}{2,}(?:er|ier)|more|less|worse|better|fewer|further|farther)$/u;

/** Only whitespace (and, for the comma connector, the comma itself) may lie between two tokens of a match. */
function gapIsSpace(text: string, a: Token, b: Token): boolean {
  return /^[ \t\u00a0]+$/.test(text.slice(a.end, b.start));
}

/**
 * "growth and growth", "the the", "lasting, lasting": a word or short phrase immediately repeated,
 * alone or around a connector. A trace of careless editing or of a rewriting tool. Idioms
 * ("more and more", "again and again", "hours and hours") and grammatical doubles ("had had") are left alone.
 */
export const reduplication: Detector<ReduplicationOptions, Prepared> = {
  type: 'reduplication',
  summary: 'Flags a word or short phrase repeated back to back ("the the", "growth and growth"), leaving idioms alone.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      connectors: { type: 'array', items: { type: 'string', minLength: 1 } },
      maxWords: { type: 'integer', minimum: 1, maximum: 6 },
      idioms: { type: 'array', items: { type: 'string', minLength: 1 } },
      idiomaticWords: { type: 'array', items: { type: 'string', minLength: 1 } },
      comparatives: { type: 'boolean' },
    },
  },
  prepare(o) {
    const lower = (xs: string[] | undefined): Set<string> => new Set((xs ?? []).map((x) => x.toLowerCase().replace(/’/g, "'").trim()));
    return {
      connectors: lower(o.connectors ?? ['and', ',']),
      maxWords: o.maxWords ?? 3,
      idioms: lower(o.idioms),
      idiomaticWords: lower(o.idiomaticWords),
      comparatives: o.comparatives !== false,
    };
  },
  run(doc, rule) {
    const p = rule.prepared;
    const { tokens, text } = doc;
    const out: Finding[] = [];
    let coveredTo = -1;
    for (const s of doc.sentences) {
      for (let i = s.tokenFrom; i < s.tokenTo; i++) {
        if (tokens[i]!.start < coveredTo || tokens[i]!.kind !== 'word') continue;
        const found = matchAt(i, s.tokenTo);
        if (!found) continue;
        const { n, secondFrom, end } = found;
        const first = tokens.slice(i, i + n);
        const unit = first.map((t) => t.norm).join(' ');
        const connector = secondFrom > i + n ? tokens[i + n]!.norm : '';
        const whole = connector ? `${unit}${connector === ',' ? ',' : ` ${connector}`} ${unit}` : `${unit} ${unit}`;
        if (p.idioms.has(whole) || p.idioms.has(unit)) continue;
        // "X, X" is emphasis in speech ("go on, go on", "Prioritize, prioritize"): only a mid-sentence content word counts.
        if (connector === ',' && (n > 1 || i === s.tokenFrom || STOPWORDS.has(unit) || unit.length < 4)) continue;
        if (n === 1 && (p.idiomaticWords.has(unit) || (p.comparatives && COMPARATIVE.test(unit)))) continue;
        // Mid-sentence capitalised doubles are names ("Duran Duran", "Johnson and Johnson").
        if ((i > s.tokenFrom && /^\p{Lu}/u.test(first[0]!.text)) || /^\p{Lu}/u.test(tokens[secondFrom]!.text)) continue;
        const startTok = tokens[i]!;
        const endTok = tokens[end - 1]!;
        out.push({
          start: startTok.start,
          end: endTok.end,
          suggestion: text.slice(startTok.start, tokens[i + n - 1]!.end),
          data: { unit: text.slice(startTok.start, tokens[i + n - 1]!.end) },
        });
        coveredTo = endTok.end;
      }
    }
    return out;

    /** The shortest unit starting at token i that is repeated right after it (directly or around a connector). */
    function matchAt(i: number, limit: number): { n: number; secondFrom: number; end: number } | null {
      for (let n = 1; n <= p.maxWords; n++) {
        if (i + n > limit) return null;
        // The unit must be words only and contiguous.
        let ok = true;
        for (let k = i; k < i + n; k++) {
          const t = tokens[k]!;
          if (t.kind !== 'word' || (k > i && !gapIsSpace(text, tokens[k - 1]!, t))) ok = false;
        }
        if (!ok) return null;
        // Directly repeated (only single words: "the the"), or with a connector between the copies.
        const direct = n === 1 && i + 1 < limit && gapIsSpace(text, tokens[i]!, tokens[i + 1]!) ? i + 1 : -1;
        const conn = tokens[i + n];
        const viaConnector =
          conn && i + n + 1 < limit && p.connectors.has(conn.norm) && (conn.norm === ',' ? conn.start === tokens[i + n - 1]!.end : gapIsSpace(text, tokens[i + n - 1]!, conn))
            ? i + n + 1
            : -1;
        for (const from of [direct, viaConnector]) {
          if (from < 0 || from + n > limit) continue;
          if (from > i + n && !gapIsSpace(text, tokens[from - 1]!, tokens[from]!)) continue;
          let same = true;
          for (let k = 0; k < n; k++) {
            const a = tokens[i + k]!;
            const b = tokens[from + k]!;
            if (b.kind !== 'word' || a.norm !== b.norm || (k > 0 && !gapIsSpace(text, tokens[from + k - 1]!, b))) same = false;
          }
          // The copy must end the repetition: "growth and growth" but not "growth and growth-oriented".
          if (same) return { n, secondFrom: from, end: from + n };
        }
      }
      return null;
    }
  },
};

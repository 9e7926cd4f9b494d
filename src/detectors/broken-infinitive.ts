import type { Finding, Token } from '../types.js';
import type { Detector } from './detector.js';
import { startsWithCapital } from '../text/initial-capital.js';
import { VocabIndex } from '../text/vocabulary.js';
import { emptyObjectArray } from '../text/object-array.js';

export interface BrokenInfinitiveOptions {
  /** Words after which "to" must start an infinitive ("expected to", "able to"). */
  toCues: string[];
  /** Modal verbs that must be followed by a verb ("will", "could"). */
  modals?: string[];
  /** Adjectives that are never verbs, nouns or adverbs (precomputed from WordNet by scripts/build-adjectives.mjs). */
  adjectives: string[];
}

interface Prepared {
  toCues: Set<string>;
  modals: Set<string>;
  /** 1 for a listed adjective, else -1: memoised per vocabulary id (most tokens are rejected by an array read). */
  adjectives: VocabIndex;
}

const isWord = (t: Token | undefined): t is Token => t !== undefined && t.kind === 'word';

/**
 * "both nations are expected to purposeful on the frameworks": a rewriting tool replaced the verb of an
 * infinitive with an adjective ("focus" → "purposeful"). Flags an adjective that can be nothing but an
 * adjective right where a verb must stand: after "to" following a verb that takes an infinitive, or after a modal.
 */
export const brokenInfinitive: Detector<BrokenInfinitiveOptions, Prepared> = {
  type: 'broken-infinitive',
  summary: 'Flags an adjective standing where the verb of an infinitive must be ("expected to purposeful on"): garbled grammar left by a rewriting tool.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['toCues', 'adjectives'],
    properties: {
      toCues: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
      modals: { type: 'array', items: { type: 'string', minLength: 1 } },
      adjectives: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
    },
  },
  prepare(o) {
    const lower = (xs: string[] = []): Set<string> => new Set(xs.map((x) => x.toLowerCase()));
    const listed = lower(o.adjectives);
    return { toCues: lower(o.toCues), modals: lower(o.modals), adjectives: new VocabIndex((norm) => (listed.has(norm) ? 1 : -1)) };
  },
  run(doc, rule) {
    const { toCues, modals, adjectives } = rule.prepared;
    const { tokens, text } = doc;
    const out = emptyObjectArray<Finding>();
    const adjacent = (a: Token, b: Token): boolean => /^\s+$/.test(text.slice(a.end, b.start));
    for (let i = 1; i < tokens.length; i++) {
      const adj = tokens[i]!;
      // Capitalised words are names or headings ("Expected To Rural Growth" in a title), not prose.
      if (!isWord(adj) || adjectives.get(adj.vocabId, adj.norm) < 0 || startsWithCapital(adj.text)) continue;
      const prev = tokens[i - 1]!;
      if (!isWord(prev) || prev.sentence !== adj.sentence || !adjacent(prev, adj)) continue;
      let cueStart: Token | null = null;
      if (prev.norm === 'to') {
        const cue = tokens[i - 2];
        if (isWord(cue) && cue.sentence === adj.sentence && toCues.has(cue.norm) && adjacent(cue, prev)) cueStart = cue;
      } else if (modals.has(prev.norm) && prev.text === prev.norm) cueStart = prev;
      if (!cueStart) continue;
      out.push({ start: cueStart.start, end: adj.end, data: { adjective: adj.text } });
    }
    return out;
  },
};

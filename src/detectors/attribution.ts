import type { Finding } from '../types.js';
import { insideSpans, quotedSpans } from '../text/quoted-spans.js';
import type { Detector } from './detector.js';

export interface AttributionOptions {
  /** Claims sourced to nobody in particular ("experts say", "it is believed", "according to reports"): flagged when the sentence names no one. */
  vague: string[];
  /** Anonymous sourcing ("sources said", "a person familiar with the matter"): counted in stats, not flagged. */
  anonymous: string[];
  /** Hedges that distance the writer from a claim ("reportedly", "allegedly"): counted; flagged only with `flagHedges`. */
  hedges: string[];
  /** Verbs of saying that, next to a capitalised name, make a named attribution ("said Erlan Baizhanov"). */
  sayings: string[];
  /** Flag hedges too when the sentence names no source. Default false: news uses them deliberately. */
  flagHedges?: boolean;
}

interface Prepared {
  vague: RegExp;
  anonymous: RegExp;
  hedges: RegExp;
  named: RegExp;
  flagHedges: boolean;
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+').replace(/'/g, "['’]");
const alternation = (xs: string[]): string => [...xs].sort((a, b) => b.length - a.length).map(esc).join('|');
// A name: two capitalised words, or an organisation in capitals ("RIA Novosti", "Erlan Baizhanov", "TASS", "the BBC").
const NAME = "(?:\\p{Lu}[\\p{L}'’.-]+(?:\\s+(?:de|da|van|von|al|bin|of|the)?\\s*\\p{Lu}[\\p{L}'’.-]+)+|\\p{Lu}{2,}[\\p{L}]*)";

/**
 * Who says so: claims sourced to nobody ("experts say", "it is believed", "according to reports") against
 * named sources ("said Erlan Baizhanov", "according to RIA Novosti"). Flags a vague attribution only where
 * its sentence names no source, outside quotations; counts named and anonymous sources and hedges into the
 * article's stats (attributionNamed, attributionAnonymous, attributionHedges, attributionVague).
 */
export const attribution: Detector<AttributionOptions, Prepared> = {
  type: 'attribution',
  summary: 'Flags claims attributed to nobody in particular ("experts say", "it is believed") where the sentence names no source; counts named and anonymous sources and hedges into stats.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['vague', 'anonymous', 'hedges', 'sayings'],
    properties: {
      vague: { type: 'array', items: { type: 'string', minLength: 2 }, minItems: 1 },
      anonymous: { type: 'array', items: { type: 'string', minLength: 2 } },
      hedges: { type: 'array', items: { type: 'string', minLength: 2 } },
      sayings: { type: 'array', items: { type: 'string', minLength: 2 }, minItems: 1 },
      flagHedges: { type: 'boolean' },
    },
  },
  prepare(o) {
    const words = (xs: string[]): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(xs)})(?![\\p{L}\\p{N}])`, 'giu');
    // Sayings open a sentence too ("According to RIA Novosti"): either case for the first letter, the name keeps its capitals.
    const say = alternation(o.sayings).replace(/(^|\|)(\p{Ll})/gu, (_, bar: string, c: string) => `${bar}[${c.toUpperCase()}${c}]`);
    return {
      vague: words(o.vague),
      anonymous: words(o.anonymous.length ? o.anonymous : ['\u0000']),
      hedges: words(o.hedges.length ? o.hedges : ['\u0000']),
      // "said Erlan Baizhanov", "Erlan Baizhanov said", "according to RIA Novosti".
      named: new RegExp(`(?<![\\p{L}])(?:(?:${say})\\s+(?:the\\s+)?${NAME}|${NAME}(?:,[^,.]{0,80},)?\\s+(?:${say})|[Aa]ccording\\s+to\\s+(?:the\\s+)?${NAME})`, 'gu'),
      flagHedges: o.flagHedges === true,
    };
  },
  run(doc, rule, ctx) {
    const p = rule.prepared;
    const quotes = quotedSpans(doc);
    const out: Finding[] = [];
    const count = (re: RegExp, s: string): number => [...s.matchAll(re)].length;
    let named = 0;
    let anonymous = 0;
    let hedges = 0;
    let vague = 0;
    for (const s of doc.sentences) {
      const n = count(p.named, s.text);
      named += n;
      anonymous += count(p.anonymous, s.text);
      const h = [...s.text.matchAll(p.hedges)];
      hedges += h.length;
      const candidates = [...s.text.matchAll(p.vague), ...(p.flagHedges ? h : [])];
      for (const m of candidates) {
        const start = s.start + m.index!;
        const end = start + m[0].length;
        vague++;
        // A source named in the same sentence answers the question; a speaker's own words are theirs.
        if (n > 0 || insideSpans(quotes, start, end)) continue;
        out.push({ start, end, data: { phrase: m[0] } });
      }
    }
    ctx.stat('attributionNamed', named);
    ctx.stat('attributionAnonymous', anonymous);
    ctx.stat('attributionHedges', hedges);
    ctx.stat('attributionVague', vague);
    return out;
  },
};

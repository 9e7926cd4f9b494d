import type { Finding, Severity, Token } from '../types.js';
import type { Doc } from '../text/doc.js';
import { insideSpans, quotedSpans } from '../text/quoted-spans.js';
import type { Detector } from './detector.js';
import { startsWithCapital } from '../text/initial-capital.js';
import { VocabIndex } from '../text/vocabulary.js';

/** A vague group that "says" things: "experts", "sources", "many people". */
export interface SubjectSpec {
  word: string;
  /** The singular shown in the message ("names no expert"). */
  who: string;
  /** Vague only after a qualifier ("many people think"; plain "people think" is too common to query). */
  qualified?: boolean;
  /**
   * A pronoun ("some", "others") that usually points back at a group just named ("nearly 150 were deported.
   * Some said they felt dejected"): vague only before "that", closing a clause after a comma ("..., some say."), or opening a
   * sentence with a verb of `genericVerbs` ("Many believe ...").
   */
  pronoun?: boolean;
}

export interface KindSpec {
  message: string;
  severity: Severity;
}

export interface AttributionOptions {
  /** Words that make a group indefinite when placed before it ("some", "many"). */
  qualifiers: string[];
  subjects: SubjectSpec[];
  /** Words before a subject that point back to a source already named ("the experts", "these critics"). */
  antecedents: string[];
  /** Words that may stand between the subject and its verb ("critics have long argued"). */
  gapWords: string[];
  maxGap: number;
  /** Words that open an anonymising tail between subject and verb ("sources familiar with the matter said"). */
  tailStarts: string[];
  maxTail: number;
  /** The verbs of saying and thinking the vague group uses. */
  verbs: string[];
  /** A next word that turns the verb into a noun compound ("many think tanks"). */
  verbBlockers: string[];
  /** Verbs that read as nouns before these words ("some say in the matter"). */
  nounVerbs: Record<string, string[]>;
  /** Verbs that take the hearer next: a named hearer is the outlet that reported it ("sources told CNN"). */
  recipientVerbs: string[];
  /** Present-tense claims a bare pronoun group makes at a sentence start ("Many believe", "Some say"). */
  genericVerbs: string[];
  /** Impersonal passives ("it is believed"), written as words. */
  passives: string[];
  /** Adverbs allowed inside a passive ("it is widely believed"). */
  passiveAdverbs: string[];
  /** Single words that report without saying who reported ("reportedly"). */
  adverbs: string[];
  /** Nouns after "according to" that name no one ("reports", "sources"). */
  accordingNouns: string[];
  accordingMaxModifiers: number;
  /** Sentences either side of an "according to ..." (and the kinds in `adjacentKinds`) that may name its source. */
  adjacentSentences: number;
  adjacentKinds: Kind[];
  /** Verbs that attach a speaker to a claim; with a name, role or institution near them they are a named source. */
  speechVerbs: string[];
  /**
   * Verbs that credit a report; beside "reportedly" only these (and "according to") name who reported it
   * ("... is reportedly for sale. According to Bloomberg, ..."), not any speaker in the next sentence.
   */
  reportingVerbs: string[];
  /** Roles and institutions that count as a named source ("police", "the ministry", "a spokesperson"). */
  roles: string[];
  /** Pronouns standing for a speaker named earlier. */
  pronouns: string[];
  /** Capitalised words that are not names (sentence openers, pronouns, months). */
  notNames: string[];
  /** Word tokens either side of a speech verb searched for its speaker. */
  sourceWindow: number;
  /** Prepositions after a vague phrase that introduce its source ("reports in The Times", "believed by police"). */
  sourcePrepositions: string[];
  /** Hedging words counted in `stats.hedges` (not flagged). */
  hedges: string[];
  kinds: { subject: KindSpec; anonymous: KindSpec; passive: KindSpec; adverb: KindSpec; according: KindSpec };
}

/** subject: "experts say"; anonymous: an unnamed source described ("people familiar with the matter said"). */
type Kind = 'subject' | 'anonymous' | 'passive' | 'adverb' | 'according';

interface Prepared {
  o: AttributionOptions;
  qualifiers: Set<string>;
  subjects: Map<string, SubjectSpec>;
  antecedents: Set<string>;
  gapWords: Set<string>;
  tailStarts: Set<string>;
  verbs: Set<string>;
  verbBlockers: Set<string>;
  nounVerbs: Map<string, Set<string>>;
  recipientVerbs: Set<string>;
  genericVerbs: Set<string>;
  passiveAdverbs: Set<string>;
  adverbs: Set<string>;
  accordingNouns: Set<string>;
  speechVerbs: Set<string>;
  reportingVerbs: Set<string>;
  roles: Set<string>;
  pronouns: Set<string>;
  notNames: Set<string>;
  sourcePrepositions: Set<string>;
  hedges: Set<string>;
  /** The fixed passives ("it is believed") by their first word, in pack order. */
  passivesByFirst: Map<string, string[][]>;
  /** Per word the roles that decide whether a sentence needs a closer look (most words have none): see WORD_*. */
  wordRoles: Map<string, number>;
  /** wordRoles by vocabulary id (0: none): one array read per token. */
  roleOf: VocabIndex;
}

/** A speech verb, a hedge, a word a vague cue can start with, "according". */
const WORD_SPEECH = 1;
const WORD_HEDGE = 2;
const WORD_CUE = 4;
const WORD_ACCORDING = 8;
/** A reporting verb (membership of `reportingVerbs`, read by countNamed; decides nothing about a sentence). */
const WORD_REPORTING = 16;

function wordRoles(p: Omit<Prepared, 'wordRoles' | 'roleOf'>): Map<string, number> {
  const roles = new Map<string, number>();
  const add = (w: string, role: number): void => void roles.set(w, (roles.get(w) ?? 0) | role);
  for (const w of p.speechVerbs) add(w, WORD_SPEECH);
  for (const w of p.reportingVerbs) add(w, WORD_REPORTING);
  for (const w of p.hedges) add(w, WORD_HEDGE);
  // Every cue starts with a qualifier or a group (subjectCue), a passive's first word, an adverb or "according".
  for (const w of [...p.qualifiers, ...p.subjects.keys(), ...p.passivesByFirst.keys(), ...p.adverbs, 'according']) add(w, WORD_CUE);
  add('according', WORD_ACCORDING);
  return roles;
}

const lower = (xs: string[]): Set<string> => new Set(xs.map((x) => x.toLowerCase().replace(/’/g, "'")));
const words = (s: string): string[] => s.toLowerCase().replace(/’/g, "'").trim().split(/\s+/);

/** One vague attribution: token range [from, to) and what kind it is. */
interface Cue {
  kind: Kind;
  from: number;
  to: number;
  who: string;
}

const strListSchema = { type: 'array', items: { type: 'string', minLength: 1 } };
const kindSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['message', 'severity'],
  properties: { message: { type: 'string', minLength: 1 }, severity: { enum: ['info', 'warning', 'error'] } },
};

/**
 * Claims attributed to no one an editor could call: a vague group that says or thinks ("experts say",
 * "sources said"), an impersonal passive ("it is believed"), "reportedly", "according to reports".
 * Left alone where the sentence names a source (a person, an institution, a role; for "according to ..."
 * also the sentences beside it) and inside quotations. Counts named and vague attributions and hedges.
 */
export const attribution: Detector<AttributionOptions, Prepared> = {
  type: 'attribution',
  summary: 'Flags claims with vague or missing attribution ("experts say", "it is believed", "reportedly", "according to reports") where no source is named nearby; counts named and vague attributions and hedges.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['qualifiers', 'subjects', 'verbs', 'passives', 'adverbs', 'accordingNouns', 'speechVerbs', 'roles', 'notNames', 'kinds'],
    properties: {
      qualifiers: strListSchema,
      subjects: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['word', 'who'],
          properties: { word: { type: 'string', minLength: 1 }, who: { type: 'string', minLength: 1 }, qualified: { type: 'boolean' }, pronoun: { type: 'boolean' } },
        },
      },
      antecedents: strListSchema,
      gapWords: strListSchema,
      maxGap: { type: 'integer', minimum: 0, maximum: 5 },
      tailStarts: strListSchema,
      maxTail: { type: 'integer', minimum: 0, maximum: 12 },
      verbs: strListSchema,
      verbBlockers: strListSchema,
      nounVerbs: { type: 'object', additionalProperties: strListSchema },
      recipientVerbs: strListSchema,
      genericVerbs: strListSchema,
      passives: strListSchema,
      passiveAdverbs: strListSchema,
      adverbs: strListSchema,
      accordingNouns: strListSchema,
      accordingMaxModifiers: { type: 'integer', minimum: 0, maximum: 4 },
      adjacentSentences: { type: 'integer', minimum: 0, maximum: 3 },
      adjacentKinds: { type: 'array', items: { enum: ['subject', 'anonymous', 'passive', 'adverb', 'according'] } },
      speechVerbs: strListSchema,
      reportingVerbs: strListSchema,
      roles: strListSchema,
      pronouns: strListSchema,
      notNames: strListSchema,
      sourceWindow: { type: 'integer', minimum: 1, maximum: 8 },
      sourcePrepositions: strListSchema,
      hedges: strListSchema,
      kinds: {
        type: 'object',
        additionalProperties: false,
        required: ['subject', 'anonymous', 'passive', 'adverb', 'according'],
        properties: { subject: kindSchema, anonymous: kindSchema, passive: kindSchema, adverb: kindSchema, according: kindSchema },
      },
    },
  },
  prepare(raw) {
    const o: AttributionOptions = {
      ...raw,
      antecedents: raw.antecedents ?? [],
      gapWords: raw.gapWords ?? [],
      maxGap: raw.maxGap ?? 2,
      tailStarts: raw.tailStarts ?? [],
      maxTail: raw.maxTail ?? 6,
      verbBlockers: raw.verbBlockers ?? [],
      nounVerbs: raw.nounVerbs ?? {},
      recipientVerbs: raw.recipientVerbs ?? [],
      genericVerbs: raw.genericVerbs ?? [],
      adjacentKinds: raw.adjacentKinds ?? ['according'],
      passiveAdverbs: raw.passiveAdverbs ?? [],
      accordingMaxModifiers: raw.accordingMaxModifiers ?? 2,
      adjacentSentences: raw.adjacentSentences ?? 1,
      pronouns: raw.pronouns ?? [],
      sourceWindow: raw.sourceWindow ?? 3,
      sourcePrepositions: raw.sourcePrepositions ?? [],
      hedges: raw.hedges ?? [],
    };
    const subjects = new Map(o.subjects.map((s) => [s.word.toLowerCase(), s]));
    const qualifiers = lower(o.qualifiers);
    // A vague group or an opener written with a capital at a sentence start is not a name either.
    const notNames = lower([...o.notNames, ...o.qualifiers, ...o.subjects.map((s) => s.word), ...o.adverbs, ...o.pronouns, ...o.antecedents]);
    const passives = o.passives.map(words);
    const passivesByFirst = new Map<string, string[][]>();
    for (const ws of passives) passivesByFirst.set(ws[0]!, [...(passivesByFirst.get(ws[0]!) ?? []), ws]);
    const prepared = {
      o,
      qualifiers,
      subjects,
      antecedents: lower(o.antecedents),
      gapWords: lower(o.gapWords),
      tailStarts: lower(o.tailStarts),
      verbs: lower(o.verbs),
      verbBlockers: lower(o.verbBlockers),
      nounVerbs: new Map(Object.entries(o.nounVerbs).map(([v, next]) => [v.toLowerCase(), lower(next)])),
      recipientVerbs: lower(o.recipientVerbs),
      genericVerbs: lower(o.genericVerbs),
      passiveAdverbs: lower(o.passiveAdverbs),
      adverbs: lower(o.adverbs),
      accordingNouns: lower(o.accordingNouns),
      speechVerbs: lower(o.speechVerbs),
      reportingVerbs: lower(o.reportingVerbs ?? []),
      roles: lower(o.roles),
      pronouns: lower(o.pronouns),
      notNames,
      sourcePrepositions: lower(o.sourcePrepositions),
      hedges: lower(o.hedges),
      passivesByFirst,
    };
    const roles = wordRoles(prepared);
    return { ...prepared, wordRoles: roles, roleOf: new VocabIndex((norm) => roles.get(norm) ?? 0) };
  },
  run(doc, rule, ctx) {
    const p = rule.prepared;
    const quotes = quotedSpans(doc);
    const { tokens, sentences } = doc;
    const midCapitals = doc.memo('attribution-mid-capitals', midSentenceCapitals);
    const out: Finding[] = [];
    let hedges = 0;
    let attributed = 0;
    const namedCache = new Map<string, boolean>();
    const sentenceNamesSource = (si: number, verbs: Set<string>): boolean => {
      const key = `${si}:${verbs === p.speechVerbs ? 's' : 'r'}`;
      let v = namedCache.get(key);
      if (v === undefined) {
        const s = sentences[si]!;
        namedCache.set(key, (v = countNamed(p, tokens, s.tokenFrom, s.tokenTo, -1, -1, quotes, verbs) > 0));
      }
      return v;
    };
    for (const s of sentences) {
      // One lookup per word says which of the searches below the sentence needs (most need none).
      let roles = 0;
      for (let i = s.tokenFrom; i < s.tokenTo; i++) {
        const t = tokens[i]!;
        if (t.kind !== 'word') continue;
        const role = p.roleOf.get(t.vocabId, t.norm);
        if (role === 0) continue;
        roles |= role;
        if (!(role & WORD_HEDGE)) continue;
        // A capital inside a sentence makes it a name ("reopen in May"), not a hedge.
        const plain = i === s.tokenFrom || !startsWithCapital(t.text);
        if (plain && !insideSpans(quotes, t.start, t.end)) hedges++;
      }
      // Only a speech verb or "according to" is a named attribution.
      if (roles & (WORD_SPEECH | WORD_ACCORDING)) attributed += countNamed(p, tokens, s.tokenFrom, s.tokenTo, -1, -1, quotes);
      if (!(roles & WORD_CUE)) continue;
      for (const cue of findCues(p, tokens, s.tokenFrom, s.tokenTo, midCapitals)) {
        const a = tokens[cue.from]!;
        const b = tokens[cue.to - 1]!;
        if (insideSpans(quotes, a.start, b.end)) continue;
        if (countNamed(p, tokens, s.tokenFrom, s.tokenTo, cue.from, cue.to, quotes) > 0) continue;
        if (p.o.adjacentKinds.includes(cue.kind)) {
          const verbs = cue.kind === 'adverb' ? p.reportingVerbs : p.speechVerbs;
          let near = false;
          for (let d = 1; d <= p.o.adjacentSentences && !near; d++) {
            if (s.index - d >= 0 && sentences[s.index - d]!.paragraph === s.paragraph) near = sentenceNamesSource(s.index - d, verbs);
            if (!near && s.index + d < sentences.length && sentences[s.index + d]!.paragraph === s.paragraph) near = sentenceNamesSource(s.index + d, verbs);
          }
          if (near) continue;
        }
        const spec = p.o.kinds[cue.kind];
        out.push({ start: a.start, end: b.end, message: spec.message, severity: spec.severity, data: { who: cue.who, kind: cue.kind } });
      }
    }
    ctx.stat('attributedClaims', attributed);
    ctx.stat('vagueAttributions', out.filter((f) => f.data?.kind !== 'anonymous').length);
    ctx.stat('anonymousSources', out.filter((f) => f.data?.kind === 'anonymous').length);
    ctx.stat('hedges', hedges);
    return out;
  },
};

const isWord = (t: Token | undefined): t is Token => t !== undefined && t.kind === 'word';

/** Words the article writes with a capital inside a sentence: its names ("Kremlin" in "the Kremlin said"). */
function midSentenceCapitals(doc: Doc): Set<string> {
  const out = new Set<string>();
  for (const s of doc.sentences) {
    for (let i = s.tokenFrom + 1; i < s.tokenTo; i++) {
      const t = doc.tokens[i]!;
      if (t.kind === 'word' && startsWithCapital(t.text) && doc.tokens[i - 1]!.kind === 'word') out.add(t.norm);
    }
  }
  return out;
}

/** A capitalised word that is not an opener, pronoun or vague group: part of a name ("Baizhanov", "RIA Novosti"). */
function isName(p: Prepared, t: Token | undefined): boolean {
  return isWord(t) && startsWithCapital(t.text) && !p.notNames.has(t.norm) && !p.notNames.has(t.norm.replace(/'s$/, ''));
}

function isSource(p: Prepared, t: Token | undefined): boolean {
  if (!isWord(t)) return false;
  const bare = t.norm.replace(/'s$/, '');
  return isName(p, t) || p.roles.has(bare) || p.pronouns.has(t.norm);
}

/** The next word token after index i within [.., to), skipping nothing but determiners when asked. */
function nextWord(tokens: Token[], i: number, to: number): number {
  return i < to && isWord(tokens[i]) ? i : -1;
}

/**
 * Named attributions in tokens [from, to), ignoring the range [skipFrom, skipTo) (the vague phrase itself) and
 * quoted words: a speech verb with a name, role or pronoun within the window, or "according to" a name or role.
 */
function countNamed(
  p: Prepared,
  tokens: Token[],
  from: number,
  to: number,
  skipFrom: number,
  skipTo: number,
  quotes: ReturnType<typeof quotedSpans>,
  verbs: Set<string> = p.speechVerbs,
): number {
  const usable = (k: number): boolean => k >= from && k < to && (k < skipFrom || k >= skipTo) && !insideSpans(quotes, tokens[k]!.start, tokens[k]!.end);
  const w = p.o.sourceWindow;
  // The two verb lists are read from the word's roles (one array read); any other list from the set.
  const verbRole = verbs === p.speechVerbs ? WORD_SPEECH : verbs === p.reportingVerbs ? WORD_REPORTING : 0;
  let n = 0;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    // The word tests first: usable() searches the quotes, and most words are neither a verb nor "according".
    if (t.kind !== 'word') continue;
    const according = t.norm === 'according' && tokens[k + 1]?.norm === 'to';
    if ((!according && !(verbRole ? p.roleOf.get(t.vocabId, t.norm) & verbRole : verbs.has(t.norm))) || !usable(k)) continue;
    if (according) {
      let j = k + 2;
      if (tokens[j]?.norm === 'the' || tokens[j]?.norm === 'a' || tokens[j]?.norm === 'an') j++;
      if (j < to && usable(j) && isSource(p, tokens[j])) n++;
      continue;
    }
    let found = false;
    // Word tokens either side; a sentence boundary ends the search, punctuation does not ("Baizhanov, the ambassador, said").
    for (let d = 1, seen = 0; k - d >= from && seen < w && !found; d++) {
      const u = tokens[k - d]!;
      if (u.kind !== 'word') continue;
      seen++;
      if (usable(k - d) && isSource(p, u)) found = true;
    }
    for (let d = 1, seen = 0; k + d < to && seen < w && !found; d++) {
      const u = tokens[k + d]!;
      if (u.kind !== 'word') continue;
      seen++;
      if (usable(k + d) && isSource(p, u)) found = true;
    }
    if (found) n++;
  }
  return n;
}

/** A preposition and a name or role right after a vague phrase: its source ("reports in The Times", "believed by police"). */
function sourcedAfter(p: Prepared, tokens: Token[], j: number, to: number): boolean {
  if (j >= to || !p.sourcePrepositions.has(tokens[j]!.norm)) return false;
  let k = j + 1;
  if (tokens[k]?.norm === 'the' || tokens[k]?.norm === 'a') k++;
  return k < to && isSource(p, tokens[k]);
}

function findCues(p: Prepared, tokens: Token[], from: number, to: number, midCapitals: ReadonlySet<string>): Cue[] {
  const cues: Cue[] = [];
  let coveredTo = from;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word' || i < coveredTo || !(p.roleOf.get(t.vocabId, t.norm) & WORD_CUE)) continue;
    const cue = subjectCue(p, tokens, i, from, to, midCapitals) ?? passiveCue(p, tokens, i, to) ?? adverbCue(p, tokens, i, to) ?? accordingCue(p, tokens, i, to);
    if (cue) {
      cues.push(cue);
      coveredTo = cue.to;
    }
  }
  return cues;
}

function subjectCue(p: Prepared, tokens: Token[], i: number, from: number, to: number, midCapitals: ReadonlySet<string>): Cue | null {
  let start = i;
  let subj = i;
  if (p.qualifiers.has(tokens[i]!.norm) && isWord(tokens[i + 1]) && p.subjects.has(tokens[i + 1]!.norm)) subj = i + 1;
  // A qualifier that is not itself a group ("a", "one") only counts in front of one.
  if (subj === i && !p.subjects.has(tokens[i]!.norm)) return null;
  const spec = p.subjects.get(tokens[subj]!.norm);
  if (!spec) return null;
  // An anonymising tail ("people familiar with the matter said") makes even an unqualified group vague.
  let g0 = subj + 1;
  while (g0 < to && isWord(tokens[g0]) && p.gapWords.has(tokens[g0]!.norm)) g0++;
  const tailed = isWord(tokens[g0]) && p.tailStarts.has(tokens[g0]!.norm);
  if (spec.qualified && subj === start && !tailed) return null;
  const before = start > from ? tokens[start - 1] : undefined;
  // "the experts", "UN experts", "Kremlin critics": pointing back at, or naming, who they are. A capital that
  // opens the sentence proves nothing ("Health experts say"): there it names only an acronym or a word the
  // article also capitalises mid-sentence.
  const named = isWord(before) && isName(p, before) && (start - 1 > from || /^\p{Lu}{2,}/u.test(before.text) || midCapitals.has(before.norm));
  if (isWord(before) && (p.antecedents.has(before.norm) || named)) return null;
  let j = subj + 1;
  for (let g = 0; g < p.o.maxGap && j < to && isWord(tokens[j]) && p.gapWords.has(tokens[j]!.norm); g++) j++;
  if (j < to && isWord(tokens[j]) && p.tailStarts.has(tokens[j]!.norm) && !p.verbs.has(tokens[j]!.norm)) {
    // "sources familiar with the matter said": the tail hides the source; words only, up to the verb.
    let k = j;
    while (k < to && k - j < p.o.maxTail && isWord(tokens[k]) && !p.verbs.has(tokens[k]!.norm)) k++;
    if (k < to && isWord(tokens[k]) && p.verbs.has(tokens[k]!.norm)) j = k;
    else return null;
  }
  if (nextWord(tokens, j, to) < 0 || !p.verbs.has(tokens[j]!.norm)) return null;
  const verb = tokens[j]!.norm;
  const after = j + 1 < to ? tokens[j + 1] : undefined;
  if (isWord(after) && (p.verbBlockers.has(after.norm) || p.nounVerbs.get(verb)?.has(after.norm))) return null;
  if (isWord(after) && p.recipientVerbs.has(verb) && isName(p, after)) return null;
  if (j + 1 < to && sourcedAfter(p, tokens, j + 1, to)) return null;
  if (spec.pronoun && !tailed) {
    // ", some say." closes a claim; "required some thought;" and "what others say" do not.
    const closesClaim = !isWord(after) && start > from && tokens[start - 1]!.text === ',';
    const claimFollows = closesClaim || after?.norm === 'that';
    const opensGeneric = start === from && p.genericVerbs.has(verb);
    if (!claimFollows && !opensGeneric) return null;
  }
  return { kind: tailed ? 'anonymous' : 'subject', from: start, to: j + 1, who: spec.who };
}

function passiveCue(p: Prepared, tokens: Token[], i: number, to: number): Cue | null {
  for (const ws of p.passivesByFirst.get(tokens[i]!.norm) ?? []) {
    let j = i + 1;
    let ok = true;
    for (let w = 1; w < ws.length && ok; w++) {
      if (w === ws.length - 1 && isWord(tokens[j]) && p.passiveAdverbs.has(tokens[j]!.norm)) j++;
      ok = j < to && isWord(tokens[j]) && tokens[j]!.norm === ws[w];
      j++;
    }
    if (!ok) continue;
    if (sourcedAfter(p, tokens, j, to)) return null;
    return { kind: 'passive', from: i, to: j, who: '' };
  }
  return null;
}

function adverbCue(p: Prepared, tokens: Token[], i: number, _to: number): Cue | null {
  return p.adverbs.has(tokens[i]!.norm) ? { kind: 'adverb', from: i, to: i + 1, who: '' } : null;
}

function accordingCue(p: Prepared, tokens: Token[], i: number, to: number): Cue | null {
  if (tokens[i]!.norm !== 'according' || tokens[i + 1]?.norm !== 'to') return null;
  let j = i + 2;
  for (let m = 0; m <= p.o.accordingMaxModifiers && j < to; m++, j++) {
    const t = tokens[j]!;
    if (!isWord(t) || startsWithCapital(t.text) || t.norm === 'the') return null;
    if (p.accordingNouns.has(t.norm)) {
      if (sourcedAfter(p, tokens, j + 1, to)) return null;
      const tailed = isWord(tokens[j + 1]) && p.tailStarts.has(tokens[j + 1]!.norm);
      return { kind: tailed ? 'anonymous' : 'according', from: i, to: j + 1, who: t.norm };
    }
  }
  return null;
}

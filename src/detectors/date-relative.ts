import { dayNumber, spell } from '../dates/calendar.js';
import { dateMentions, type DateMention } from '../dates/date-mentions.js';
import { tenseMismatches } from '../dates/tense-mismatches.js';
import { inferPublication, publicationInDoubt } from '../dates/publication.js';
import type { Finding } from '../types.js';
import type { Detector } from './detector.js';

const CURRENT_YEAR = /^(?:the\s+current|the\s+present|this)\s+(?:calendar\s+)?year$/i;
// Relative days and weeks only: "three years ago" is too loose to contradict a stated date.
const NEAR_DAYS = /^(?:last|this|next|past)\s+week(?:end)?$|^(?:yesterday|today|tomorrow|tonight)$|^(?:a|an|one|two|three|four|five|six|\d{1,2})\s+(?:days?|weeks?)\s+ago$/i;
// How far a stated date may sit from "last week" or "yesterday" before the two cannot both be true.
const SLACK_DAYS = 3;
// A stated date this close (in characters) to the relative one describes the same moment.
const NEAR_CHARS = 40;

/**
 * "In the current year" or "last week" that cannot be anchored: the article's own dates do not fit its
 * publication date (so "this year" may not be that year), or an explicit date beside it says otherwise.
 */
export const dateRelative: Detector<Record<string, never>> = {
  type: 'date-relative',
  summary: 'Flags relative dates ("this year", "last week") that the publication date cannot anchor or that the text\'s own dates contradict.',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  run(doc) {
    const pub = inferPublication(doc).date;
    if (!pub || publicationInDoubt(doc)) return [];
    const mentions = dateMentions(doc);
    const mismatches = tenseMismatches(doc);
    const paragraphOf = (sentence: number) => doc.sentences[sentence]?.paragraph ?? -1;
    const flaggedParagraphs = new Set<number>();
    const out: Finding[] = [];
    for (const m of mentions) {
      if (!m.relative || !m.value) continue;
      // "This year" is suspect beside a misdated event (same paragraph), once per paragraph: not every "this year" of a long story.
      const para = paragraphOf(m.sentence);
      const mismatch = mismatches.find((t) => paragraphOf(t.mention.sentence) === para);
      if (CURRENT_YEAR.test(m.text) && mismatch && !flaggedParagraphs.has(para)) {
        flaggedParagraphs.add(para);
        const other = doc.text.slice(mismatch.mention.start, mismatch.mention.end);
        out.push({
          start: m.start,
          end: m.end,
          message: `"{text}" cannot be anchored: the article is dated ${spell(pub)}, but its own dates do not fit that date ("${other}" is told as ${mismatch.tense === 'future' ? 'still to come' : 'past'} yet falls in ${spell(mismatch.value)}), so "{text}" may not mean ${pub.slice(0, 4)}.`,
          related: { start: mismatch.mention.start, end: mismatch.mention.end },
        });
        continue;
      }
      if (NEAR_DAYS.test(m.text)) {
        const clash = explicitNeighbour(mentions, m, doc.text);
        if (clash) {
          out.push({
            start: m.start,
            end: m.end,
            message: `"{text}" (around ${spell(m.value)}, counted from the publication date ${spell(pub)}) contradicts the date stated beside it, ${spell(clash.value!)}.`,
            related: { start: clash.start, end: clash.end },
          });
        }
      }
    }
    return out;
  },
};

/** A date with its year written out, right beside a relative day, that the relative day cannot mean. */
function explicitNeighbour(mentions: DateMention[], m: DateMention, text: string): DateMention | null {
  const lo = dayNumber(m.value!) - SLACK_DAYS;
  const hi = dayNumber(m.until ?? m.value!) + SLACK_DAYS;
  for (const o of mentions) {
    if (o === m || !o.yearStated || o.precision !== 'day' || !o.value || o.sentence !== m.sentence) continue;
    const gap = o.start >= m.end ? text.slice(m.end, o.start) : text.slice(o.end, m.start);
    if (gap.length > NEAR_CHARS || /[.;:!?]/.test(gap)) continue;
    const d = dayNumber(o.value);
    if (d < lo || d > hi) return o;
  }
  return null;
}

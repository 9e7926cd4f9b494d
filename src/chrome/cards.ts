import type { Line } from '../types.js';
import type { LineClass } from './classify.js';
import type { LineFeatures } from './line-features.js';

/** The longest line that can be a card's fixed line ("Buy Now", "Available from Amazon"). */
const CARD_LINE_CHARS = 60;
/** Non-blank lines from one card's fixed line to the next: a card has content, a repeated menu item does not sit this close. */
const CARD_MIN_LINES = 3;
const CARD_MAX_LINES = 40;
/** Share of a series' lines that must be its own (not repeated on the page): the products differ, a repeated menu does not. */
const CARD_OWN_SHARE = 0.4;
/** Share of chrome-vocabulary lines a series may hold (a repeated menu or share bar is full of them). */
const CARD_CHROME_SHARE = 0.2;

/** How near (non-blank lines) a card's second fixed line sits to its anchor. */
const CARD_COMPANION_LINES = 3;

/** A series of cards: from its first card's fixed line to its last's (inclusive). */
export interface CardSeries {
  first: number;
  last: number;
}

/**
 * Product boxes in a deals post (or any run of records built on one template): the same short line
 * ("Buy Now", "Available from Amazon") recurs at least `minCards` times, a few lines apart, with each
 * card's own content (name, features, price) between. Their lines look like a menu one by one, but the
 * article is built of them. A repeated menu or share bar repeats its lines as a block, with little of
 * its own between, and is mostly chrome vocabulary.
 */
export function cardSeries(lines: readonly Line[], feats: readonly (LineFeatures | null)[], classes: readonly (LineClass | null)[], minCards: number): CardSeries[] {
  if (minCards <= 0) return [];
  // Non-blank lines in order, and each short line's occurrences.
  const seq: number[] = [];
  const at = new Map<string, number[]>();
  for (let i = 0; i < lines.length; i++) {
    if (!feats[i]) continue;
    const k = seq.length;
    seq.push(i);
    if (feats[i]!.chars > CARD_LINE_CHARS) continue;
    const key = lines[i]!.text.trim().toLowerCase();
    const list = at.get(key);
    if (list) list.push(k);
    else at.set(key, [k]);
  }
  const keyAt = (k: number): string => lines[seq[k]!]!.text.trim().toLowerCase();
  // A card template has more than one fixed line: another short line beside the anchor in every card
  // ("Available from Amazon" / "Buy Now"). A teaser list repeats one label ("Video", "By", "Opinion »").
  const hasCompanion = (anchors: readonly number[]): boolean => {
    let common: Set<string> | null = null;
    for (const k of anchors) {
      const near = new Set<string>();
      const self = keyAt(k);
      for (let j = Math.max(0, k - CARD_COMPANION_LINES); j <= Math.min(seq.length - 1, k + CARD_COMPANION_LINES); j++) if (feats[seq[j]!]!.chars <= CARD_LINE_CHARS && keyAt(j) !== self) near.add(keyAt(j));
      const prev: Set<string> | null = common;
      const next: Set<string> = prev ? new Set([...prev].filter((x) => near.has(x))) : near;
      if (next.size === 0) return false;
      common = next;
    }
    return true;
  };
  const repeated = (k: number): boolean => (at.get(lines[seq[k]!]!.text.trim().toLowerCase())?.length ?? 0) >= 2;
  const out: CardSeries[] = [];
  for (const list of at.values()) {
    if (list.length < minCards) continue;
    // Maximal runs of occurrences spaced like cards.
    for (let a = 0; a < list.length; ) {
      let b = a;
      while (b + 1 < list.length && list[b + 1]! - list[b]! >= CARD_MIN_LINES && list[b + 1]! - list[b]! <= CARD_MAX_LINES) b++;
      if (b - a + 1 >= minCards) {
        let own = 0;
        let chrome = 0;
        const n = list[b]! - list[a]! + 1;
        for (let k = list[a]!; k <= list[b]!; k++) {
          if (!repeated(k)) own++;
          if (classes[seq[k]!] === 'chrome') chrome++;
        }
        if (own >= CARD_OWN_SHARE * n && chrome <= CARD_CHROME_SHARE * n && hasCompanion(list.slice(a, b + 1))) out.push({ first: seq[list[a]!]!, last: seq[list[b]!]! });
      }
      a = b + 1;
    }
  }
  return out;
}

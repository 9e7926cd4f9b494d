import { hashString } from './hash.js';

// A token as the comparison sees it: 24 bits, a 21-bit hash of its normalised text plus three flags. Two copies
// of a sentence are diffed word by word on these ids alone, so facts need no copy of the text. 21 bits are
// plenty where ids are compared: within two aligned sentences (a changed word hides behind its replacement's id
// once in two million) and against small word lists (negations, the antonym table).
export const QUOTED = 0x800000; // inside quotation marks: a changed word there is a changed quoted statement
export const CAPITAL = 0x400000; // written with a capital (outside the sentence's first word): part of a name
export const NUMBER = 0x200000; // a figure
/** The hash bits of an id: wordId(norm) is hashString(norm) & ID_HASH. */
export const ID_HASH = 0x1fffff;
const HASH = ID_HASH;
/** Ids are below this: a pair of ids makes one safe integer key as a * ID_RANGE + b. */
export const ID_RANGE = 0x200000;

export function wordId(norm: string): number {
  return hashString(norm) & HASH;
}

/** The id without its flags: equal for the same word however it is written or placed. */
export function bare(id: number): number {
  return id & HASH;
}

export const isQuoted = (id: number): boolean => (id & QUOTED) !== 0;
export const isCapital = (id: number): boolean => (id & CAPITAL) !== 0;
export const isNumber = (id: number): boolean => (id & NUMBER) !== 0;

import { hashString } from './hash.js';

// A token as the comparison sees it: a 29-bit hash of its normalised text plus three flags. Two copies of a
// sentence are diffed word by word on these ids alone, so facts need no copy of the text.
export const QUOTED = 0x80000000; // inside quotation marks: a changed word there is a changed quoted statement
export const CAPITAL = 0x40000000; // written with a capital (outside the sentence's first word): part of a name
export const NUMBER = 0x20000000; // a figure
const HASH = 0x1fffffff;

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

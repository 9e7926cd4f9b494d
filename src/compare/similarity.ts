/** Dice coefficient of two sorted, duplicate-free integer arrays: 2|A∩B| / (|A|+|B|), by one merge pass. */
export function dice(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0 || b.length === 0) return 0;
  return (2 * intersectionSize(a, b)) / (a.length + b.length);
}

export function intersectionSize(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** Share of equal positions in two MinHash signatures: an estimate of the Jaccard similarity of the shingle sets. */
export function minhashSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** Sorted unique copy of unsigned 32-bit values (a typed-array sort: no comparator call per step). */
export function sortedUnique(xs: ArrayLike<number>): number[] {
  const sorted = Uint32Array.from(xs).sort();
  const out: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) out.push(sorted[i]!);
  return out;
}

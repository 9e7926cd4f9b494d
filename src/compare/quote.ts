/** A sentence quoted in a comparison message: one line, long ones shortened around the middle. */
export function quoteSentence(text: string, max = 160): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return `“${t}”`;
  const half = Math.floor((max - 1) / 2);
  return `“${t.slice(0, half)}…${t.slice(t.length - half)}”`;
}

/** Rounded to 2 decimals, clamped to [0, 1] (the report's similarity range). */
export function roundSimilarity(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
}

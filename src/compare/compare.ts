import type { ArticleFacts } from '../facts/facts.js';
import type { Comparison } from '../types.js';

export interface CompareOptions {
  enabled: boolean;
}

/** The batch phase: sees only the articles' facts, never their whole text. */
export function compareFacts(_facts: readonly ArticleFacts[], _options: CompareOptions): Comparison[] {
  return [];
}

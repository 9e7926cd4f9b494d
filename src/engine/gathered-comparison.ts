import type { CompareOptions, CompareOutput } from '../compare/compare.js';
import { CompareSession } from '../compare/session.js';
import type { ArticleFacts } from '../facts/facts.js';
import type { Origin } from '../input/stream-articles.js';
import type { Comparison, InputError } from '../types.js';
import { BodyStore } from './quote-bodies.js';

/** The report's error for a comparison that failed: the per-article results stand without it. */
export function comparisonFailure(why: string): InputError {
  return { source: 'comparison', message: `the cross-document comparison failed; per-article results are complete: ${why}` };
}

/** One article for the comparison: its facts and what is needed to quote it. */
export interface CompareItem {
  facts: ArticleFacts;
  /** Where the body can be read again, and its length (a file changed since is not quoted). */
  origin?: Origin;
  length: number;
  /** The body itself, where it cannot be read again (standard input) or the caller holds it anyway. */
  body?: string;
}

/**
 * A batch's articles as the comparison keeps them: each one's facts unpacked into the session as it
 * arrives, and where to read its body again (or the body, where it cannot be) to quote the reported pairs.
 */
export class GatheredComparison {
  private readonly session: CompareSession;
  private readonly bodies = new Map<string, string>();
  private readonly store = new BodyStore(false);

  constructor(options: CompareOptions) {
    this.session = new CompareSession({ ...options, enabled: true });
  }

  add(item: CompareItem): void {
    this.addMany([item]);
  }

  /** Articles in input order (a message's worth: the session times each call). */
  addMany(items: readonly CompareItem[]): void {
    this.session.addMany(items.map((item) => item.facts));
    for (const item of items) {
      if (item.body !== undefined) this.bodies.set(item.facts.article, item.body);
      else if (item.origin) this.store.addAt(item.facts.article, item.origin, item.length);
    }
  }

  /** The comparison; with `emit`, its comparisons go there group by group as they are complete. */
  finish(emit?: (done: Comparison[]) => void): CompareOutput {
    try {
      return this.session.finish((id) => this.bodies.get(id) ?? this.store.bodyOf(id), emit);
    } finally {
      this.store.close();
    }
  }
}

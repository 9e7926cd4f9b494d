// The comparison thread's side of routed facts: the checking threads post each article's facts straight to it
// (keyed by the pool's task seq) while the main thread sends, in input order, what else the comparison needs of
// the article (where to quote it from) with that key. The two arrive on different ports in no set order; the
// join hands the articles on in the main thread's order, each once its facts are in, so the comparison sees
// exactly the sequence it saw when the facts came with the items.
import type { ArticleFacts } from '../facts/facts.js';
import type { CompareItem } from './gathered-comparison.js';

export class FactsJoin {
  private readonly arrived = new Map<number, ArticleFacts>();
  private readonly waiting: CompareItem[] = [];
  private next = 0;

  /** Facts posted by a checking thread. Facts no item ever names (the article failed after them) are only kept. */
  facts(seq: number, facts: ArticleFacts): void {
    this.arrived.set(seq, facts);
  }

  /** Items from the main thread, in input order: each has its facts, or names them by factsAt. */
  items(list: readonly CompareItem[]): void {
    for (const item of list) this.waiting.push(item);
  }

  /** The items, in order, from the first not handed on to the first whose facts have not arrived yet. */
  ready(): CompareItem[] {
    const out: CompareItem[] = [];
    for (; this.next < this.waiting.length; this.next++) {
      const item = this.waiting[this.next]!;
      if (item.facts === undefined) {
        const facts = this.arrived.get(item.factsAt!);
        if (facts === undefined) break;
        this.arrived.delete(item.factsAt!);
        item.facts = facts;
      }
      out.push(item);
    }
    if (this.next === this.waiting.length) {
      this.waiting.length = 0;
      this.next = 0;
    }
    return out;
  }

  /** Whether every item received has been handed on. */
  get settled(): boolean {
    return this.next === this.waiting.length;
  }
}

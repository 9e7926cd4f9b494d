import type { ArticleFacts } from '../facts/facts.js';
import { compareViews, type CompareOptions, type CompareOutput } from './compare.js';
import { viewFacts, type FactsView } from './facts-view.js';
import { EarlyCopies } from './early-copies.js';
import type { BodyOf } from './quote-sides.js';
import type { Comparison } from '../types.js';

const NO_TABLE = { sentences: '', tokens: '', lines: '' };

/**
 * The comparison fed one article at a time, as results arrive from the checking threads: each article's
 * facts are unpacked (typed arrays, parsed claim rows) when added and their packed strings dropped, so the
 * batch holds one compact form of each article, never the packed and the unpacked side by side.
 * `finish()` runs the joins; the result is the same as `compareBatch` over the same facts in the same order.
 */
export class CompareSession {
  private views: FactsView[] = [];
  private early: EarlyCopies;
  private readonly names = new Map<string, string>();
  private cpuMs = 0;
  private ms = 0;

  constructor(
    private readonly options: CompareOptions,
    /** For tests: `early` false leaves all the work to finish(); `emitEvery` is how many comparisons emit() gets at most. */
    private readonly tuning: { early?: boolean; emitEvery?: number } = {},
  ) {
    this.early = new EarlyCopies(this.views, tuning.early ?? true);
  }

  get size(): number {
    return this.views.length;
  }

  add(facts: ArticleFacts): void {
    this.addMany([facts]);
  }

  /**
   * Articles in input order. Each one's copies among the articles before it are found and aligned now, so
   * that this work overlaps the checking of the next articles. (Timed per call, not per article: reading
   * the process's CPU time costs more than unpacking a small article.)
   * `rejected`, when given, is told of each facts record whose packed data cannot be unpacked, which is then
   * left out (facts read from files: one malformed record is that record's error, not the whole comparison's);
   * without it, such a record throws.
   */
  addMany(list: readonly ArticleFacts[], rejected?: (index: number, error: Error) => void): void {
    const cpu = process.cpuUsage();
    const clock = performance.now();
    for (let i = 0; i < list.length; i++) {
      let view: FactsView;
      try {
        view = this.unpack(list[i]!);
      } catch (e) {
        if (!rejected) throw e;
        rejected(i, e instanceof Error ? e : new Error(String(e)));
        continue;
      }
      this.push(view);
    }
    const used = process.cpuUsage(cpu);
    this.cpuMs += (used.user + used.system) / 1000;
    this.ms += performance.now() - clock;
  }

  /** The record unpacked. Nothing the joins read changes until push() (only names are interned), so a record that throws here leaves no trace. */
  private unpack(facts: ArticleFacts): FactsView {
    const view = viewFacts(facts);
    // What the joins read of the packed record after unpacking: its id, date, text hash and names. The
    // names recur across a batch (copies, one story in many outlets): one string for each.
    const entities = facts.entities.map((e) => {
      const known = this.names.get(e);
      if (known !== undefined) return known;
      if (this.names.size < 1_000_000) this.names.set(e, e);
      return e;
    });
    view.facts = { ...facts, minhash: '', claims: '', table: NO_TABLE, entities };
    return view;
  }

  private push(view: FactsView): void {
    this.views.push(view);
    this.early.add();
  }

  /**
   * The joins over every article added; the session is empty afterwards. With `emit`, the comparisons are
   * given to it group by group as they are complete (and the output's own list is empty).
   */
  finish(bodyOf?: BodyOf, emit?: (done: Comparison[]) => void): CompareOutput {
    const views = this.views;
    const early = this.early;
    this.views = [];
    this.early = new EarlyCopies(this.views, this.tuning.early ?? true);
    this.names.clear();
    return compareViews(views, early, this.options, bodyOf, { ms: Math.round(this.ms), cpuMs: Math.round(this.cpuMs) }, emit, this.tuning.emitEvery);
  }
}

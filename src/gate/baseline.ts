import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { ScoringConfig } from '../rules/config.js';
import { buildReport } from '../report/build-report.js';
import { scoreFlags } from '../score/score.js';
import type { ArticleResult, Flag, Report } from '../types.js';
import { fingerprint } from './fingerprint.js';
import { withoutBom } from '../shipped/decode-utf8.js';

export const BASELINE_FORMAT = 'credlint-baseline/1';

/** One kind of flag an article had when the baseline was written, and how many times. */
export interface BaselineEntry {
  ruleId: string;
  exact: string;
  loose: string;
  /** The loose print with the word after a short flagged text (fingerprint.ts); absent in older baselines. */
  looseAfter?: string;
  count: number;
  /** The flagged text, for a person reading the file. */
  text: string;
}

export interface Baseline {
  format: typeof BASELINE_FORMAT;
  tool: string;
  /** Per article id: the flags accepted as they are. */
  articles: Record<string, BaselineEntry[]>;
}

export class BaselineError extends Error {}

/**
 * Which entry of a baseline an article is: a record's own id; for an article that is a whole file (its id is its
 * path), the path relative to the baseline's folder, so `./a.md`, `a.md` and `site/a.md` from the folder above are
 * one article however the command is run. Without the baseline's path (library callers), the id as it is.
 */
export function baselineKey(a: Pick<ArticleResult, 'id' | 'source'>, baselineFile?: string): string {
  if (!baselineFile || a.id !== a.source || a.source === '-') return a.id;
  return relative(dirname(resolve(baselineFile)), resolve(a.source)).split(sep).join('/');
}

/** Today's counted flags (inline-suppressed ones are already accounted for) grouped by fingerprint, duplicates counted. */
export function buildBaseline(report: Report, bodies: ReadonlyMap<string, string>, tool: string, file?: string): Baseline {
  const articles: Record<string, BaselineEntry[]> = {};
  for (const a of report.articles) {
    const body = bodies.get(a.id);
    if (body === undefined) continue;
    const byPrint = new Map<string, BaselineEntry>();
    for (const f of a.flags) {
      if (f.suppressed) continue;
      const p = fingerprint(f, body);
      const e = byPrint.get(p.exact);
      if (e) e.count++;
      else byPrint.set(p.exact, { ruleId: f.ruleId, exact: p.exact, loose: p.loose, ...(p.looseAfter ? { looseAfter: p.looseAfter } : {}), count: 1, text: f.text.slice(0, 80) });
    }
    if (byPrint.size) articles[baselineKey(a, file)] = [...byPrint.values()];
  }
  return { format: BASELINE_FORMAT, tool, articles };
}

export function readBaseline(file: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(withoutBom(readFileSync(file, 'utf8')));
  } catch (e) {
    throw new BaselineError(`${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such baseline file' : `not valid JSON (${(e as Error).message})`}`);
  }
  const b = raw as Partial<Baseline>;
  if (b?.format !== BASELINE_FORMAT || typeof b.articles !== 'object' || b.articles === null) throw new BaselineError(`${file}: not a credlint baseline (written by --write-baseline)`);
  // A hand-edited or truncated entry would match nothing and turn its flags into new ones without a word.
  for (const [id, entries] of Object.entries(b.articles)) {
    if (!Array.isArray(entries)) throw new BaselineError(`${file}: /articles/${pointerPart(id)}: expected a list of flags`);
    entries.forEach((e: Partial<BaselineEntry>, i) => {
      const ok = e !== null && typeof e === 'object' && typeof e.ruleId === 'string' && typeof e.exact === 'string' && typeof e.loose === 'string' && Number.isInteger(e.count) && e.count! >= 1;
      if (!ok) throw new BaselineError(`${file}: /articles/${pointerPart(id)}/${i}: expected { ruleId, exact, loose, count } as --write-baseline writes them`);
    });
  }
  return b as Baseline;
}

export interface BaselineOutcome {
  report: Report;
  new: number;
  matched: number;
  gone: number;
  /** Articles of this run that the baseline has entries for (0 of many: it was written for other articles). */
  articlesFound: number;
}

/**
 * Marks the flags the baseline already holds as suppressed (kind "baseline") and re-scores each article
 * on what is new. Matching is by exact fingerprint first, then by rule and text for what is left, each
 * baseline entry matching at most `count` flags. Baseline flags of checked articles found no more are "gone".
 */
export function applyBaseline(report: Report, baseline: Baseline, file: string, bodies: ReadonlyMap<string, string>, scoring: ScoringConfig): BaselineOutcome {
  let matched = 0;
  let fresh = 0;
  let gone = 0;
  let seen = 0;
  const articles: ArticleResult[] = report.articles.map((a) => {
    const body = bodies.get(a.id);
    const key = baselineKey(a, file);
    if (baseline.articles[key]) seen++;
    const entries = baseline.articles[key] ?? [];
    const counted = a.flags.filter((f) => !f.suppressed);
    if (body === undefined || entries.length === 0) {
      fresh += counted.length;
      return a;
    }
    const left = new Map(entries.map((e) => [e, e.count]));
    const byExact = new Map(entries.map((e) => [e.exact, e]));
    const prints = new Map(counted.map((f) => [f, fingerprint(f, body)]));
    const hit = new Set<Flag>();
    for (const f of counted) {
      const e = byExact.get(prints.get(f)!.exact);
      if (e && left.get(e)! > 0) {
        left.set(e, left.get(e)! - 1);
        hit.add(f);
      }
    }
    // The loose prints by value (an article's flags against its entries by lookup, not every pair): of the entries
    // a flag's two prints find, the first in the baseline's order that still has a count left.
    const byLoose = groupBy(entries, (e) => e.loose);
    const byAfter = groupBy(entries, (e) => e.looseAfter);
    const order = new Map(entries.map((e, i) => [e, i]));
    const open = (list: BaselineEntry[] | undefined, ruleId: string): BaselineEntry | undefined => list?.find((x) => x.ruleId === ruleId && left.get(x)! > 0);
    for (const f of counted) {
      if (hit.has(f)) continue;
      const p = prints.get(f)!;
      const a = open(byLoose.get(p.loose), f.ruleId);
      const b = p.looseAfter === undefined ? undefined : open(byAfter.get(p.looseAfter), f.ruleId);
      const e = a && b ? (order.get(a)! <= order.get(b)! ? a : b) : (a ?? b);
      if (!e) continue;
      left.set(e, left.get(e)! - 1);
      hit.add(f);
    }
    for (const n of left.values()) gone += n;
    matched += hit.size;
    fresh += counted.length - hit.size;
    const flags = a.flags.map((f) => (hit.has(f) ? { ...f, suppressed: { kind: 'baseline' as const, reason: file } } : f));
    const { score, verdict, categories } = scoreFlags(flags, scoring, a.stats.words === 0 || a.flags.some((f) => f.ruleId === 'structure/no-words') ? 0 : a.stats.words);
    return { ...a, flags, score, verdict, categories };
  });
  const out = buildReport(articles, report.comparisons, report.errors, report.summary.durationMs);
  out.summary.baseline = { file, new: fresh, matched, gone };
  return { report: out, new: fresh, matched, gone, articlesFound: seen };
}

function groupBy(entries: readonly BaselineEntry[], key: (e: BaselineEntry) => string | undefined): Map<string, BaselineEntry[]> {
  const out = new Map<string, BaselineEntry[]>();
  for (const e of entries) {
    const k = key(e);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(e);
    else out.set(k, [e]);
  }
  return out;
}

const pointerPart = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

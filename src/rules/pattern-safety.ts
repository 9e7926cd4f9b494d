// User patterns must not be able to hang a batch. Regular expressions from user rule packs and from
// configuration overrides are checked at load with recheck's automaton checker, which proves
// exponential backtracking ((a+)+$, (x|x)*y); such a pattern is refused with its file and JSON
// pointer. Polynomial (quadratic) patterns are allowed: the per-article time budget bounds them.
// Built-in packs are checked by the test suite instead (start-up stays free of the checker).
import { createRequire } from 'node:module';
import { expandLists } from '../detectors/pattern.js';

export interface PatternSource {
  file: string;
  pointer: string;
  source: string;
  flags: string;
}

/** Option keys that hold regular-expression sources, at any depth of a rule's options (so `fix.find` and `anchor.pattern` too). */
const REGEX_KEYS = new Set(['pattern', 'unless', 'find']);

/** The regular-expression sources in a rule's options, with their JSON pointers. */
export function patternSources(file: string, optionsPointer: string, type: string, options: Record<string, unknown>): PatternSource[] {
  const out: PatternSource[] = [];
  const lists = type === 'pattern' ? (options.lists as Record<string, string[]> | undefined) : undefined;
  const flags = typeof options.flags === 'string' ? options.flags : '';
  const walk = (value: unknown, pointer: string, key: string | null): void => {
    if (typeof value === 'string') {
      if (key && REGEX_KEYS.has(key)) {
        let source = value;
        try {
          source = lists || type === 'pattern' ? expandLists(value, lists) : value;
        } catch {
          /* the detector reports a bad list itself */
        }
        out.push({ file, pointer, source, flags });
      }
      return;
    }
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${pointer}/${i}`, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (k !== 'lists' && k !== 'examples') walk(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, k);
  };
  walk(options, optionsPointer, null);
  return out;
}

type Check = (source: string, flags: string, params: Record<string, unknown>) => { status: string; complexity?: { type: string }; attack?: { pattern?: string } };
let checker: Check | null = null;

/** Why a pattern is refused, or null when it is not provably exponential. */
export function catastrophe(source: string, flags: string): string | null {
  checker ??= (createRequire(import.meta.url)('recheck') as { checkSync: Check }).checkSync;
  let r: ReturnType<Check>;
  try {
    r = checker(source, `u${flags.replace(/[gud]/g, '')}`, { checker: 'automaton', timeout: 2000 });
  } catch {
    return null; // the checker cannot read it: the detector's own compile reports real syntax errors
  }
  if (r.status === 'vulnerable' && r.complexity?.type === 'exponential') {
    return 'the regular expression can take exponential time (catastrophic backtracking, e.g. a repeated group inside a repetition); rewrite it so no two ways match the same text';
  }
  return null;
}

/** The first refused pattern as "file: pointer: reason", or null. */
export function firstCatastrophe(sources: readonly PatternSource[]): string | null {
  for (const s of sources) {
    const why = catastrophe(s.source, s.flags);
    if (why) return `${s.file}: ${s.pointer}: ${why}`;
  }
  return null;
}

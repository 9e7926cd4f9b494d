import { relative } from 'node:path';
import { DETECTORS } from '../detectors/index.js';
import { escapeLine } from '../report/escape-control.js';
import { loadSetup, type RuleOptions } from './setup.js';
import { clipText } from '../text/surrogates.js';

/** `credlint rules`: every rule with its pack, category, severity and whether it is on. */
export function runRules(opts: RuleOptions & { json?: boolean }): number {
  const { rules } = loadSetup(opts);
  if (opts.json) {
    const list = rules.map(({ prepared: _p, userPatterns: _u, ...r }) => ({ ...r, pack: relative(process.cwd(), r.pack) || r.pack }));
    process.stdout.write(`${JSON.stringify({ rules: list, detectors: [...DETECTORS.values()].map((d) => ({ type: d.type, summary: d.summary })) }, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...rules.map((r) => r.id.length));
  for (const r of rules) {
    const state = r.enabled ? r.severity.padEnd(7) : 'off    ';
    // A user pack's description is its author's text: escaped, so it cannot act on the terminal.
    process.stdout.write(`${escapeLine(`${r.id.padEnd(width)}  ${state}  ${r.category.padEnd(15)}  ${firstSentence(r.description)}`)}\n`);
  }
  process.stdout.write(`${rules.length} rules (${rules.filter((r) => r.enabled).length} on)\n`);
  return 0;
}

/** The description's first sentence, for a one-line listing (`--json` has the whole text). */
function firstSentence(text: string): string {
  const m = /^.*?[.!?](?=\s+\p{Lu}|$)/su.exec(text.trim());
  const s = (m ? m[0] : text).replace(/\s+/g, ' ');
  return clipText(s, 140);
}

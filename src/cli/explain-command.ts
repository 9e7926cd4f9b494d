import { relative } from 'node:path';
import type { LoadedRule, RuleExample } from '../detectors/detector.js';
import { isSafeFix } from '../fix/apply-fixes.js';
import { escapeLine } from '../report/escape-control.js';
import type { Config } from '../rules/config.js';
import type { Category, Severity } from '../types.js';
import { loadSetup, type RuleOptions } from './setup.js';
import { UsageError } from './usage-error.js';
import { clipText } from '../text/surrogates.js';

/** Flags the engine itself raises (no rule pack holds them). */
const ENGINE_FLAGS: Record<string, { category: Category; severity: Severity; description: string }> = {
  'structure/no-words': { category: 'structure', severity: 'error', description: 'The body has no words at all (only dots, dashes, emoji or numbers). Such an article scores 0 and fails, whatever else is said.' },
  'suppression/unused': { category: 'structure', severity: 'info', description: 'A <!-- credlint-disable ... --> comment that silenced no flag, or names a rule credlint does not know, or a <!-- credlint-... --> comment that is no directive (credlint-disable-line, credlint-disabel). Remove it or correct the name.' },
  'language/rules-skipped': { category: 'language', severity: 'info', description: 'The article reads as a language some rules were not written for; those rules were not run. A note, not an alarm.' },
};

const exampleText = (e: RuleExample): string => (typeof e === 'string' ? e : e.text);
const quote = (s: string): string => JSON.stringify(clipText(s, 160));

/** How a flag of this severity and category weighs in the score, in words and with the configured numbers. */
export function scoringLines(severity: Severity, category: Category, config: Config): string[] {
  const s = config.scoring;
  const weight = s.categoryWeights[category] ?? 1;
  const points = s.penalties[severity] * weight;
  const cap = s.categoryCaps[category] ?? s.categoryCap;
  const lines: string[] = [];
  if (points === 0) lines.push(`Score: a ${severity} in ${category} costs nothing (penalty ${s.penalties[severity]} × category weight ${weight}).`);
  else if (s.length.referenceWords) {
    const r = s.length.referenceWords;
    const at = (w: number): string => (points * r / Math.max(w, s.length.minWords)).toFixed(2).replace(/\.?0+$/, '');
    lines.push(`Score: a ${severity} costs ${s.penalties[severity]} × category weight ${weight} = ${points} point(s) per ${r} words: ${at(300)} in a 300-word article, ${at(1000)} in 1,000 words, ${at(5000)} in 5,000 words (articles under ${s.length.minWords} words count as ${s.length.minWords}).`);
  } else lines.push(`Score: a ${severity} costs ${s.penalties[severity]} × category weight ${weight} = ${points} point(s), whatever the article's length.`);
  lines.push(`The ${category} category takes off at most ${cap} points. An article passes at ${s.pass} or more and fails below ${s.fail}${s.errorsMeanReview ? '; an error-severity flag keeps it from passing' : ''}.`);
  return lines;
}

/** `credlint explain RULE`: a rule's description, examples it flags and passes, severity, scoring and fix. */
export function runExplain(id: string, opts: RuleOptions): number {
  const { config, rules } = loadSetup(opts);
  const rule = rules.find((r) => r.id === id);
  const out: string[] = [];
  if (!rule) {
    const engine = ENGINE_FLAGS[id];
    if (!engine) {
      const near = rules.filter((r) => r.id.startsWith(id.split('/')[0]! + '/')).map((r) => r.id);
      throw new UsageError(`explain: no rule "${id}"${near.length ? `; rules of that pack: ${near.slice(0, 12).join(', ')}` : ' (see `credlint rules`)'}`);
    }
    out.push(`${id}  (${engine.category}, ${engine.severity}; raised by credlint itself)`, '', engine.description, '', ...scoringLines(engine.severity, engine.category, config));
  } else {
    out.push(...describe(rule, config));
  }
  // Each entry is one line of the layout; what a rule pack wrote into one (its description, message, examples,
  // the pack's path) is escaped, so a line break or control character in it neither starts a line nor acts.
  process.stdout.write(`${out.map(escapeLine).join('\n')}\n`);
  return 0;
}

function describe(rule: LoadedRule, config: Config): string[] {
  const out: string[] = [];
  const state = rule.enabled ? rule.severity : 'off';
  out.push(`${rule.id}  (${rule.category}, ${state}; ${relative(process.cwd(), rule.pack) || rule.pack}, detector "${rule.type}")`, '');
  out.push(rule.description.trim(), '');
  out.push(`Message: ${rule.message}`);
  if (rule.languages) out.push(`Languages: ${rule.languages.join(', ')}`);
  const flag = rule.examples?.flag ?? [];
  const pass = rule.examples?.pass ?? [];
  if (flag.length) {
    out.push('', 'Flags, for example:');
    for (const e of flag.slice(0, 5)) out.push(`  ✗ ${quote(exampleText(e))}${typeof e !== 'string' && e.flagged ? `  → flags ${quote(e.flagged)}` : ''}`);
  }
  if (pass.length) {
    out.push('', 'Leaves alone, for example:');
    for (const e of pass.slice(0, 5)) out.push(`  ✓ ${quote(exampleText(e))}`);
  }
  out.push('', `Severity: ${rule.severity}${rule.enabled ? '' : ' (turned off by the configuration)'}; a detector may grade single flags up or down.`);
  out.push(...scoringLines(rule.severity, rule.category, config));
  out.push(isSafeFix(rule.id, config) ? 'Fix: listed as safe; `credlint fix` applies its suggestions.' : rule.category === 'chrome' ? 'Fix: `credlint fix --strip` (or `credlint strip`) removes what it flags.' : 'Fix: not applied by `credlint fix`; an editor decides.');
  return out;
}

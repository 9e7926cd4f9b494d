import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES_DIR } from '../src/rules/load-rules.js';
import { check } from './helpers/run.js';

// Rules whose language is still to be decided (none today; an entry here must name its reason).
const PENDING = new Set<string>();

describe('every rule says which languages it is written for', () => {
  const rules = readdirSync(BUILTIN_RULES_DIR)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => (JSON.parse(readFileSync(join(BUILTIN_RULES_DIR, f), 'utf8')) as { rules: { id: string; languages?: unknown }[] }).rules);
  it.each(rules.filter((r) => !PENDING.has(r.id)).map((r) => [r.id, r] as const))('%s', (_id, r) => {
    expect(r.languages === 'any' || (Array.isArray(r.languages) && r.languages.length > 0), 'declare "languages": [codes] or "any" (language-neutral)').toBe(true);
  });
});

describe('rules written for English are skipped, with a note, on an article in another language', () => {
  const german =
    'Die Regierung in Berlin hat am Mittwoch einen neuen Haushalt vorgestellt. Der Finanzminister sagte, die Ausgaben für Bildung und Verkehr würden im kommenden Jahr deutlich steigen. ' +
    'Die Opposition kritisierte den Entwurf scharf und warf der Koalition vor, die Schuldenbremse zu umgehen. Am Montag, dem 3. März, soll der Bundestag erstmals darüber beraten. ' +
    'Wirtschaftsverbände begrüßten die geplanten Investitionen, forderten aber zugleich Entlastungen für mittelständische Unternehmen und eine schnellere Digitalisierung der Verwaltung.';
  it('runs no dates, boilerplate or redundancy rule and says which rules it skipped', () => {
    const r = check(german, '');
    expect(r.language).toBe('deu');
    const note = r.flags.find((f) => f.ruleId === 'language/rules-skipped');
    for (const id of ['dates/weekday-mismatch', 'boilerplate/template-sentence', 'repetition/redundant-text']) expect(note?.message, id).toContain(id);
    expect(r.flags.filter((f) => /^(dates|boilerplate)\//.test(f.ruleId))).toEqual([]);
  });
});

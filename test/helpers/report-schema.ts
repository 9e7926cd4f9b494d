import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { ROOT } from './paths.js';

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', 'report.schema.json'), 'utf8')));

/** Throws with every schema violation when a report breaks the public contract. */
export function assertValidReport(report: unknown): void {
  if (!validate(report)) throw new Error(`report does not match schemas/report.schema.json:\n${ajv.errorsText(validate.errors, { separator: '\n' })}`);
}

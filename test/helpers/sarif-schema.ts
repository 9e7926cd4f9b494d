import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { ROOT } from './paths.js';

// The SARIF 2.1.0 schema as Microsoft's SARIF tooling ships it (test/fixtures/sarif/README.md). It is
// written as draft-04; it uses no keyword whose meaning changed since, so ajv checks it as draft-07 once
// the draft-04 `$schema` and `id` are set aside.
const schema = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
delete schema.$schema;
delete schema.id;

// unicodeRegExp off: the schema's language pattern (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`) is no valid /u regex.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv;
addFormats(ajv);
const validate = ajv.compile(schema);

/** Throws with every violation when a SARIF log does not match the SARIF 2.1.0 schema. */
export function assertValidSarif(log: unknown): void {
  if (!validate(log)) throw new Error(`SARIF does not match the 2.1.0 schema:\n${ajv.errorsText(validate.errors, { separator: '\n' })}`);
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';

/** The project's schemas folder, found from the compiled module (dist/rules/ → ../../schemas). */
export const SCHEMAS_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

// ajv is loaded on first use: the built-in packs are validated at build time (see rules/load-rules.ts), so
// checking one article with them never pays for loading it and compiling the schemas.
let instance: AjvClass | null = null;
function ajv(): AjvClass {
  if (!instance) {
    const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
    instance = new Ajv({ allErrors: false, strict: false });
  }
  return instance;
}
const compiled = new Map<string, ValidateFunction>();

export function validatorFor(name: string): ValidateFunction {
  let v = compiled.get(name);
  if (!v) {
    v = ajv().compile(JSON.parse(readFileSync(SCHEMAS_DIR + name, 'utf8')));
    compiled.set(name, v);
  }
  return v;
}

export function compileSchema(schema: Record<string, unknown>): ValidateFunction {
  return ajv().compile(schema);
}

/** One plain line for the first error: the JSON pointer under `base`, then what is wrong. */
export function describeError(err: ErrorObject, base = ''): string {
  const where = base + err.instancePath || '/';
  const params = err.params as Record<string, unknown>;
  if ('additionalProperty' in params) return `${where}: unknown key "${params.additionalProperty}"`;
  if ('allowedValues' in params) return `${where}: ${err.message} (${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')})`;
  return `${where}: ${err.message}`;
}

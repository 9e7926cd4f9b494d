import { readFileSync } from 'node:fs';

/** credlint's own version, read from package.json (dist/report/ → ../../package.json). */
export const TOOL_VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
export const SCHEMA_VERSION = '1.1.0';

// The format registry: `credlint check --format NAME` picks one of these; `--help` lists them.
import { htmlFormat } from './html.js';
import { jsonFormat } from './json.js';
import { jsonlFormat } from './jsonl.js';
import { markdownFormat } from './markdown.js';
import type { Format } from './options.js';
import { sarifFormat } from './sarif.js';
import { textFormat } from './text.js';

export type { Format, RenderOptions, RuleInfo } from './options.js';

export const FORMATS: ReadonlyMap<string, Format> = new Map([jsonFormat, jsonlFormat, textFormat, htmlFormat, sarifFormat, markdownFormat].map((f) => [f.name, f]));

export const FORMAT_NAMES: readonly string[] = [...FORMATS.keys()];

export function formatByName(name: string): Format | undefined {
  return FORMATS.get(name);
}

/** The lines `credlint check --help` shows under "Formats". */
export function formatsHelp(): string {
  const width = Math.max(...FORMAT_NAMES.map((n) => n.length));
  return ['Formats (--format):', ...[...FORMATS.values()].map((f) => `  ${f.name.padEnd(width)}  ${f.description}`)].join('\n');
}

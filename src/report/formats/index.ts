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
export function formatsHelp(columns = 80): string {
  const width = Math.max(...FORMAT_NAMES.map((n) => n.length));
  const indent = width + 4;
  const lines = ['Formats (--format):'];
  for (const f of FORMATS.values()) {
    // Wrapped like commander's own option descriptions, with a hanging indent.
    let line = `  ${f.name.padEnd(width)}  `;
    for (const word of f.description.split(' ')) {
      if (line.length + word.length > columns && line.trim().length > f.name.length) {
        lines.push(line.trimEnd());
        line = ' '.repeat(indent);
      }
      line += `${word} `;
    }
    lines.push(line.trimEnd());
  }
  return lines.join('\n');
}

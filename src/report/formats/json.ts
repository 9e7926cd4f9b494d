import type { Report } from '../../types.js';
import type { Format } from './options.js';

/** The report object itself: the public contract (schemas/report.schema.json). */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export const jsonFormat: Format = {
  name: 'json',
  description: 'the report object (schemas/report.schema.json), the default',
  extension: 'json',
  render: renderJson,
};

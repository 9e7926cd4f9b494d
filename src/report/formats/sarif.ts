import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArticleResult, Comparison, Flag, Report, Severity } from '../../types.js';
import { endOf, suppressionOf, type SideAt } from './flag-fields.js';
import type { Format, RenderOptions, RuleInfo } from './options.js';
import { clipText } from '../../text/surrogates.js';

// SARIF 2.1.0 as code-hosting platforms read it for pull-request annotations. A region is written only
// where the report's offsets are the file's own: a .txt or .md article (its text is the body). An HTML page
// or a JSON record is located by its file (and, for JSONL, the record's line); its body coordinates stay
// in the result's properties, so nothing is lost.

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const FINGERPRINT = 'credlintFlag/v1';

type Json = Record<string, unknown>;

/** Where an article lives: its file, whether the body offsets are the file's, the JSONL record line. */
interface Place {
  uri: string;
  fileOffsets: boolean;
  recordLine?: number;
}

export function placeOf(source: string): Place {
  const record = /^(.*):(\d+)$/.exec(source);
  const member = /^(.*)#\d+$/.exec(source);
  const path = record && /\.jsonl$/i.test(record[1]!) ? record[1]! : member ? member[1]! : source;
  const uri = path === '-' ? 'stdin' : toUri(path);
  const fileOffsets = path === source && /\.(txt|md|markdown)$/i.test(path);
  return record && path === record[1] ? { uri, fileOffsets: false, recordLine: Number(record[2]) } : { uri, fileOffsets };
}

/** A path as a URI reference: absolute paths as file: URLs, relative ones percent-encoded with forward slashes. */
function toUri(path: string): string {
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return path.split(/[\\/]/).map((seg) => (seg === '.' || seg === '..' ? seg : encodeURIComponent(seg))).join('/');
}

function region(f: { start: number; end: number; line: number; column: number; endLine: number; endColumn: number }, snippet?: string): Json {
  const r: Json = { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn, charOffset: f.start, charLength: f.end - f.start };
  if (snippet !== undefined) r.snippet = { text: snippet };
  return r;
}

function location(place: Place, at: { start: number; end: number; line: number; column: number; endLine: number; endColumn: number } | null, snippet: string | undefined, article: ArticleResult | { id: string }): Json {
  const physical: Json = { artifactLocation: { uri: place.uri } };
  if (at && place.fileOffsets) physical.region = region(at, snippet);
  else if (place.recordLine !== undefined) physical.region = { startLine: place.recordLine, endLine: place.recordLine };
  return { physicalLocation: physical, logicalLocations: [{ name: article.id, kind: 'object' }] };
}

/** Stable across runs and across edits elsewhere in the article: rule, record, flagged text and its occurrence. */
function fingerprint(article: ArticleResult, ruleId: string, text: string, occurrence: number): string {
  const key = [ruleId, article.id === article.source ? '' : article.id, text.replace(/\s+/g, ' ').trim().toLowerCase(), occurrence].join('\u0000');
  return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}:${occurrence}`;
}

function firstSentence(text: string): string {
  const m = /^.*?[.!?](?=\s+\p{Lu}|\s*$)/su.exec(text.trim());
  return (m ? m[0] : text).replace(/\s+/g, ' ').trim();
}

const exampleText = (e: string | { text: string }): string => (typeof e === 'string' ? e : e.text);

function ruleDescriptor(rule: RuleInfo): Json {
  const flagged = (rule.examples?.flag ?? []).slice(0, 3).map(exampleText);
  const passed = (rule.examples?.pass ?? []).slice(0, 3).map(exampleText);
  const md = [rule.description];
  if (flagged.length) md.push('', '**Flagged:**', ...flagged.map((t) => `- ${JSON.stringify(t)}`));
  if (passed.length) md.push('', '**Left alone:**', ...passed.map((t) => `- ${JSON.stringify(t)}`));
  md.push('', `Category \`${rule.category}\`, severity \`${rule.severity}\`. \`credlint explain ${rule.id}\` says more.`);
  const text = [rule.description, flagged.length ? `Flagged: ${flagged.map((t) => JSON.stringify(t)).join('; ')}.` : '', passed.length ? `Left alone: ${passed.map((t) => JSON.stringify(t)).join('; ')}.` : '']
    .filter(Boolean)
    .join(' ');
  return {
    id: rule.id,
    name: rule.id.replace(/(^|[/-])(\w)/g, (_m, _sep, c: string) => c.toUpperCase()),
    shortDescription: { text: firstSentence(rule.description) || rule.id },
    fullDescription: { text: rule.description || rule.id },
    help: { text, markdown: md.join('\n') },
    defaultConfiguration: { level: LEVEL[rule.severity], enabled: rule.enabled !== false },
    properties: { category: rule.category, tags: ['credlint', rule.category] },
  };
}

const COMPARISON_RULES: RuleInfo[] = [
  { id: 'compare/contradiction', category: 'attribution', severity: 'warning', description: 'Two articles of the batch state the same thing with one slot different: a number, a date, a negation, an entity in the same role, or a status. One of them is wrong or out of date.' },
  { id: 'compare/near-duplicate', category: 'attribution', severity: 'info', description: 'Two articles of the batch are copies or near-copies of each other (MinHash over word shingles).' },
];

/** The SARIF log of a report: one run, its rules from the rule metadata, one result per flag and per contradiction or copy. */
export function renderSarif(report: Report, options: RenderOptions = {}): string {
  const known = new Map<string, RuleInfo>();
  for (const r of [...(options.rules ?? []), ...COMPARISON_RULES]) known.set(r.id, r);
  const used: RuleInfo[] = [];
  const index = new Map<string, number>();
  const ruleIndex = (id: string, fallback: Flag | null): number => {
    let i = index.get(id);
    if (i === undefined) {
      const info = known.get(id) ?? { id, category: fallback?.category ?? 'structure', severity: fallback?.severity ?? 'warning', description: fallback?.message ?? id };
      i = used.push(info) - 1;
      index.set(id, i);
    }
    return i;
  };
  // Every rule of the run is listed, not just those that fired, so a viewer can explain any of them.
  for (const r of options.rules ?? []) if (r.enabled !== false) ruleIndex(r.id, null);

  const results: Json[] = [];
  const places = new Map<string, Place>();
  for (const a of report.articles) {
    const place = placeOf(a.source);
    places.set(a.id, place);
    const seen = new Map<string, number>();
    for (const f of a.flags) {
      const key = `${f.ruleId}\u0000${f.text}`;
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      results.push(flagResult(a, f, place, ruleIndex(f.ruleId, f), fingerprint(a, f.ruleId, f.text, occurrence)));
    }
  }
  const byId = new Map(report.articles.map((a) => [a.id, a]));
  for (const c of report.comparisons) {
    if (c.type === 'shared-claim') continue; // corroboration, not a problem
    const ruleId = c.type === 'contradiction' ? 'compare/contradiction' : 'compare/near-duplicate';
    results.push(comparisonResult(c, ruleId, ruleIndex(ruleId, null), byId, places));
  }

  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: 'https://www.npmjs.com/package/credlint',
            rules: used.map(ruleDescriptor),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.errors.map((e) => ({
              level: 'error',
              message: { text: `${e.source}: ${e.message}` },
              locations: [{ physicalLocation: { artifactLocation: { uri: placeOf(e.source).uri } } }],
            })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
        properties: { reportSchemaVersion: report.schemaVersion, summary: report.summary },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function flagResult(a: ArticleResult, f: Flag, place: Place, ruleIndex: number, print: string): Json {
  const at = { ...f, ...endOf(f) };
  const result: Json = {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [location(place, at, f.text, a)],
    partialFingerprints: { [FINGERPRINT]: print },
    properties: { category: f.category, article: a.id, verdict: a.verdict, score: a.score, articleRegion: region(at) },
  };
  if (f.related) {
    const r = f.related;
    const end = { line: r.line, column: r.column, endLine: r.line, endColumn: r.column + (r.end - r.start), start: r.start, end: r.end };
    result.relatedLocations = [{ id: 1, ...location(place, end, r.text, a), message: { text: 'the earlier passage' } }];
  }
  if (f.suggestion !== undefined && place.fileOffsets) {
    result.fixes = [
      {
        description: { text: `Replace with ${JSON.stringify(f.suggestion)}` },
        artifactChanges: [{ artifactLocation: { uri: place.uri }, replacements: [{ deletedRegion: { charOffset: f.start, charLength: f.end - f.start }, insertedContent: { text: f.suggestion } }] }],
      },
    ];
  }
  const s = suppressionOf(f);
  if (s) result.suppressions = [s.justification !== undefined ? { kind: s.kind, justification: s.justification } : { kind: s.kind }];
  return result;
}

function comparisonResult(c: Comparison, ruleId: string, ruleIndex: number, byId: Map<string, ArticleResult>, places: Map<string, Place>): Json {
  const side = (s: SideAt): Json => {
    const place = places.get(s.article) ?? placeOf(byId.get(s.article)?.source ?? s.article);
    const at = s.line !== undefined ? { start: s.start, end: s.end, line: s.line, column: s.column ?? 1, endLine: s.endLine ?? s.line, endColumn: s.endColumn ?? (s.column ?? 1) + (s.end - s.start) } : null;
    if (at) return location(place, at, s.text, { id: s.article });
    // Without line and column (older reports) a character range still places the side in a text file.
    const loc = location(place, null, undefined, { id: s.article });
    if (place.fileOffsets) (loc.physicalLocation as Json).region = { charOffset: s.start, charLength: s.end - s.start, snippet: { text: s.text } };
    return loc;
  };
  const key = [ruleId, c.a.article, c.b.article, c.a.text.replace(/\s+/g, ' '), c.b.text.replace(/\s+/g, ' ')].join('\u0000');
  return {
    ruleId,
    ruleIndex,
    level: c.type === 'contradiction' ? 'warning' : 'note',
    // Brackets in the message are escaped: SARIF reads [text](id) as a link to a related location.
    message: { text: `${c.message.replace(/[[\]]/g, (b) => `\\${b}`)} (see the [other article](1))` },
    locations: [side(c.a as SideAt)],
    relatedLocations: [{ id: 1, ...side(c.b as SideAt), message: { text: `${c.b.article}: ${clipText(c.b.text.replace(/\s+/g, ' '), 200)}` } }],
    partialFingerprints: { [FINGERPRINT]: `${createHash('sha256').update(key).digest('hex').slice(0, 32)}:0` },
    properties: { type: c.type, kind: c.kind, similarity: c.similarity, a: c.a, b: c.b },
  };
}

export const sarifFormat: Format = {
  name: 'sarif',
  description: 'SARIF 2.1.0 for code-scanning and pull-request annotations (rules with help, regions, fingerprints, suppressions)',
  extension: 'sarif',
  render: renderSarif,
};

import type { Category, Report, Severity, Verdict } from '../../types.js';

/** What a renderer may be told about the rules behind the flags (SARIF rules[], help text). */
export interface RuleInfo {
  id: string;
  category: Category;
  severity: Severity;
  description: string;
  message?: string;
  enabled?: boolean;
  examples?: { flag?: Array<string | { text: string; flagged?: string }>; pass?: Array<string | { text: string }> };
}

/**
 * Everything a format may use besides the report. Each format reads only what it needs; none of them
 * recomputes a flag, a score or a position.
 */
export interface RenderOptions {
  /** ANSI colour (text): the CLI sets it only for a TTY without NO_COLOR. */
  color?: boolean;
  /** Only what fails (text): articles at or past `failOn`, their error and warning flags, and the summary. */
  quiet?: boolean;
  /** The verdict from which an article fails (the --fail-on gate); default `review`. */
  failOn?: Verdict;
  /** Rule metadata: SARIF `tool.driver.rules[]`, descriptions in HTML. */
  rules?: readonly RuleInfo[];
  /**
   * The article bodies by article id, exactly as read (the text the offsets count in). The HTML report
   * needs them to show each article with its highlights; the JSON report never carries them.
   */
  texts?: ReadonlyMap<string, string>;
  /** Markdown: the largest comment to write (default 65,000 characters). */
  maxChars?: number;
  /** A title for human-facing formats (HTML page title, Markdown heading). */
  title?: string;
}

/** One output format: a pure function of the report object (and options) to the text written out. */
export interface Format {
  name: string;
  /** One line for `--help`. */
  description: string;
  /** File extension for `--out` suggestions and tests. */
  extension: string;
  render(report: Report, options?: RenderOptions): string;
}

/** Largest article body accepted (characters). Real news articles stay far below; larger is a dump, not an article. */
export const MAX_ARTICLE_CHARS = 1_000_000;
/** Largest JSONL line read (bytes): a body at the character limit, in UTF-8 with JSON escapes, fits. */
export const MAX_RECORD_BYTES = 8 * MAX_ARTICLE_CHARS;
/** A byte limit as people read it in a message. */
export const mb = (n: number): string => `${Math.round(n / 1e6)} MB`;
/** Largest single-article file (.txt, .md, .html) read, in bytes. HTML pages carry markup, hence the margin. */
export const MAX_DOCUMENT_BYTES = 5_000_000;
/** Extensions read when walking a folder, with the format each implies. */
export const EXTENSIONS: Readonly<Record<string, 'txt' | 'md' | 'html' | 'json' | 'jsonl'>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

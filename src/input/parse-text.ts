/**
 * The title of a plain-text or Markdown article: a leading Markdown `# ` heading, or a short first
 * line followed by a blank line. The body stays the whole text so offsets match the file.
 */
export function titleOfText(text: string): string | null {
  const lines = text.split(/\r\n|\r|\n/);
  const firstIndex = lines.findIndex((l) => l.trim() !== '');
  if (firstIndex < 0) return null;
  const first = lines[firstIndex]!.trim();
  const heading = /^#\s+(.+?)\s*#*$/.exec(first);
  if (heading) return heading[1]!;
  const next = lines[firstIndex + 1];
  if (first.length <= 150 && !/[.,;:]$/.test(first) && (next === undefined || next.trim() === '') && firstIndex + 1 < lines.length) return first;
  return null;
}

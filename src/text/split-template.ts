/**
 * A template split once at its placeholders: `parts` are the literal text around them (one more than there are
 * placeholders) and `refs` each placeholder's first capture (or, where that did not take part, its second).
 */
export interface SplitTemplate {
  parts: string[];
  refs: string[];
}

/** Splits `source` at every match of the global `placeholder` expression (message `{key}`, suggestion `$1`). */
export function splitTemplate(source: string, placeholder: RegExp): SplitTemplate {
  const parts: string[] = [];
  const refs: string[] = [];
  let last = 0;
  placeholder.lastIndex = 0;
  for (let m = placeholder.exec(source); m !== null; m = placeholder.exec(source)) {
    parts.push(source.slice(last, m.index));
    refs.push(m[1] ?? m[2] ?? '');
    last = m.index + m[0].length;
  }
  parts.push(source.slice(last));
  return { parts, refs };
}

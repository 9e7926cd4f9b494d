/**
 * Colour only for a person at a terminal: never into a file or a pipe, never with --no-color or NO_COLOR
 * (https://no-color.org: set and not empty); FORCE_COLOR (not "0") asks for it where no TTY is.
 */
export function useColor(opts: { flag: boolean; toFile: boolean; isTTY: boolean; env: NodeJS.ProcessEnv }): boolean {
  if (!opts.flag || opts.toFile) return false;
  if (opts.env.NO_COLOR) return false;
  if (opts.env.FORCE_COLOR !== undefined && opts.env.FORCE_COLOR !== '' && opts.env.FORCE_COLOR !== '0') return true;
  return opts.isTTY;
}

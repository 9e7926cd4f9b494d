import { closeSync, lstatSync, openSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { expandPaths } from '../input/expand-paths.js';
import { UsageError } from './usage-error.js';

/** Exit code when the report could not be written to standard output (closed pipe, full disk). */
export const EXIT_OUTPUT = 4;

/** Standard output went away or filled up: the report is lost, which is not the gate's verdict. */
export class OutputClosedError extends Error {}

export interface Sink {
  write(s: string): Promise<void>;
  close(): Promise<void>;
}

const real = (p: string): string => {
  try {
    return realpathSync(p);
  } catch {
    // Not there yet: the real folder it would go in, so a symlinked folder still matches.
    try {
      return resolve(realpathSync(dirname(p)), p.split(/[\\/]/).pop()!);
    } catch {
      return resolve(p);
    }
  }
};

/** A file a command writes, with the option that named it: every message about it names that option. */
export interface OutputTarget {
  option: string;
  path: string;
}

/** A file a run reads, and what it is to the user (the refusal to write over it says which). */
export interface ReadFile {
  path: string;
  what: string;
  /** The one output option that may replace it, because replacing it is what the user asked (refreshing a baseline). */
  rewrittenBy?: string;
}

/** The article files the named inputs stand for (folders and globs expanded), whether or not they load. */
export function articleFiles(paths: readonly string[], what = 'one of the input files'): ReadFile[] {
  const named = [...paths, ...expandPaths([...paths]).files.map((f) => f.path)].filter((p) => p !== '-');
  return [...new Set(named)].map((path) => ({ path, what }));
}

/**
 * What a path is on disk: an existing file by device and inode, so a hard link or a symlink to it is the same
 * file; a path not there yet by where it would be.
 */
function identity(p: string): string {
  try {
    const st = statSync(p, { bigint: true });
    return `${st.dev}:${st.ino}`;
  } catch {
    return `path:${real(p)}`;
  }
}

/**
 * Refuses, before anything is written, an output that is any file the run reads (articles whether or not they
 * load, a Latin-1 or empty file that failed is still the user's data; the configuration; the baseline; the rule
 * folders' files), a folder, or the same file as another output.
 */
export function guardOutputs(targets: readonly OutputTarget[], reads: readonly ReadFile[]): void {
  const written = new Map<string, OutputTarget>();
  for (const t of targets) {
    const id = identity(t.path);
    const other = written.get(id);
    if (other) throw new UsageError(`${t.option} ${t.path}: the same file as ${other.option}`);
    written.set(id, t);
    try {
      if (statSync(t.path).isDirectory()) throw new UsageError(`${t.option} ${t.path}: is a folder; name a file to write to`);
    } catch (e) {
      if (e instanceof UsageError) throw e;
    }
  }
  for (const r of reads) {
    const t = written.get(identity(r.path));
    if (t && t.option !== r.rewrittenBy) throw new UsageError(`${t.option} ${t.path}: that is ${r.what}; credlint never writes over its input`);
  }
}

/** Why a write failed, in words (ENOENT: the folder does not exist...). */
export const writeProblem = (e: unknown): string => {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'the folder does not exist';
  if (code === 'ENOTDIR') return 'a folder on the way is a file';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  return code ?? (e as Error).message;
};

/** The one line for an output that cannot be written (opened or written): the option, the file, why. */
function cannotWrite(target: OutputTarget, e: unknown): UsageError {
  return new UsageError(`${target.option} ${target.path}: cannot be written (${writeProblem(e)})`);
}

/**
 * A whole file written at once (a baseline, a fixed text): into a temporary file beside it, then renamed over it,
 * so a full disk or a crash never leaves half a file where a whole one was (a baseline refreshed in place). A
 * failure is cannotWrite's one line, and the temporary file is removed.
 */
export function writeOutput(target: OutputTarget, text: string): void {
  // A device, a pipe or a symlink is written through: renaming would replace the node itself.
  const temp = replaceableFile(target.path) ? join(dirname(target.path), `.${basename(target.path)}.credlint-${process.pid}.tmp`) : null;
  try {
    writeFileSync(temp ?? target.path, text);
    if (temp) renameSync(temp, target.path);
  } catch (e) {
    if (temp) rmSync(temp, { force: true });
    throw cannotWrite(target, e);
  }
}

/** A regular file, or nothing yet: what writeOutput may replace by renaming. */
function replaceableFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return true;
  }
}

/** A streamed file: opened at once (so a missing folder is known before any work), written synchronously. */
export function fileSink(target: OutputTarget): Sink {
  let fd: number;
  try {
    fd = openSync(target.path, 'w');
  } catch (e) {
    throw cannotWrite(target, e);
  }
  return {
    async write(s) {
      try {
        writeSync(fd, s);
      } catch (e) {
        throw cannotWrite(target, e);
      }
    },
    async close() {
      closeSync(fd);
    },
  };
}

/** Set while a report is being streamed to standard output: its own error handling decides the exit code. */
export let stdoutOwned = false;

/** Standard output, waiting for the reader when its buffer is full (bounded memory for long streams). */
export function stdoutSink(stream: NodeJS.WriteStream = process.stdout): Sink {
  let failure: Error | null = null;
  if (stream === process.stdout) stdoutOwned = true;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    failure = new OutputClosedError(`standard output ${e.code === 'EPIPE' ? 'was closed before the report was written' : `failed (${writeProblem(e)})`}`);
  });
  return {
    async write(s) {
      if (failure) throw failure;
      if (!stream.write(s)) {
        await new Promise<void>((res) => {
          const done = (): void => {
            stream.off('drain', done);
            stream.off('error', done);
            stream.off('close', done);
            res();
          };
          stream.on('drain', done);
          stream.on('error', done);
          stream.on('close', done);
        });
      }
      if (failure) throw failure;
    },
    async close() {
      if (failure) throw failure;
    },
  };
}

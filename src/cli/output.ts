import { closeSync, openSync, realpathSync, statSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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

/**
 * Refuses an --out that is any input path, whether or not the input loaded (a Latin-1 or empty file
 * that failed to load is still the user's data).
 */
export function guardOut(out: string, paths: string[]): void {
  const target = real(out);
  const named = [...paths.filter((p) => p !== '-'), ...expandPaths(paths).files.map((f) => f.path).filter((p) => p !== '-')];
  if (named.some((p) => real(p) === target)) throw new UsageError(`--out ${out}: that is one of the input files; credlint never writes over its input`);
  try {
    if (statSync(out).isDirectory()) throw new UsageError(`--out ${out}: is a folder; name a file to write the report to`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
  }
}

const why = (e: unknown): string => {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'the folder does not exist';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  return code ?? (e as Error).message;
};

/** The report file: opened at once (so a missing folder is known before any work), written synchronously. */
export function fileSink(path: string): Sink {
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (e) {
    throw new UsageError(`--out ${path}: cannot be written (${why(e)})`);
  }
  return {
    async write(s) {
      try {
        writeSync(fd, s);
      } catch (e) {
        throw new UsageError(`--out ${path}: writing the report failed (${why(e)})`);
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
    failure = new OutputClosedError(`standard output ${e.code === 'EPIPE' ? 'was closed before the report was written' : `failed (${why(e)})`}`);
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

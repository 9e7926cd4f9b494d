import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll } from 'vitest';
import { CLI, ROOT } from './paths.js';

export interface Served {
  url: string;
  proc: ChildProcess;
  stderr: () => string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `credlint serve` (the built CLI under plain node) on a free loopback port; stopped after the file. */
export async function serve(args: string[] = [], env: Record<string, string> = {}): Promise<Served> {
  const proc = spawn(process.execPath, [CLI, 'serve', '--host', '127.0.0.1', '--port', '0', ...args], { cwd: ROOT, env: { ...process.env, CREDLINT_TOKEN: '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  proc.stderr!.setEncoding('utf8');
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`credlint serve did not start: ${err}`)), 30_000);
    proc.stderr!.on('data', (s: string) => {
      err += s;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    proc.once('exit', (code) => reject(new Error(`credlint serve exited (${code}): ${err}`)));
  });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  let stopping: Promise<number | null> | null = null;
  const served: Served = {
    url,
    proc,
    stderr: () => err,
    stop() {
      if (!stopping) {
        if (proc.exitCode === null && !proc.killed) proc.kill('SIGTERM');
        stopping = exited;
      }
      return stopping;
    },
  };
  afterAll(() => served.stop());
  return served;
}

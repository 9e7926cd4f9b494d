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

/** Every server a test file started: killed when its test process ends, whatever became of the hooks. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const p of running) if (p.exitCode === null) p.kill('SIGKILL');
});

/** Starts `credlint serve` (the built CLI under plain node) on a free loopback port; stopped after the file. */
export async function serve(args: string[] = [], env: Record<string, string> = {}): Promise<Served> {
  const proc = spawn(process.execPath, [CLI, 'serve', '--host', '127.0.0.1', '--port', '0', ...args], { cwd: ROOT, env: { ...process.env, CREDLINT_TOKEN: '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  running.add(proc);
  proc.once('exit', () => running.delete(proc));
  // Registered before the first await: an async describe body loses its suite after one, and a hook added then
  // is not run (a server from such a suite outlived the test run).
  afterAll(() => served?.stop());
  let served: Served | undefined;
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
  served = {
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
  return served;
}

/**
 * What a skipped suite holds instead of a server: a skipped describe body still runs (to collect its tests) but
 * its hooks do not, so a server it started would outlive the run.
 */
export async function serveIf(wanted: boolean, args: string[] = [], env: Record<string, string> = {}): Promise<Served> {
  if (wanted) return serve(args, env);
  return { url: 'http://127.0.0.1:0', proc: null as unknown as ChildProcess, stderr: () => '', stop: async () => null };
}

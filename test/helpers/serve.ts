import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll } from 'vitest';
import { CLI, ROOT } from './paths.js';

export interface Served {
  url: string;
  proc: ChildProcess;
  stderr: () => string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/**
 * `credlint serve` (the built CLI under plain node) on a free loopback port, for the suite that asks: started in
 * its beforeAll and stopped in its afterAll. A skipped suite (skipIf, or filtered out with -t) still runs its body
 * to collect its tests but none of its hooks, so a server started in the body would outlive the run; started in
 * the hook, a skipped suite starts none. The handle's fields are filled in when the server is up.
 */
export async function serve(args: string[] = [], env: Record<string, string> = {}): Promise<Served> {
  const handle = { url: '', proc: null as unknown as ChildProcess, stderr: () => '', stop: async () => null } as Served;
  beforeAll(async () => {
    Object.assign(handle, await start(args, env));
  }, 40_000);
  afterAll(() => handle.stop());
  return handle;
}

/** serve(), kept for the suites that name their condition: with `wanted` false nothing is registered at all. */
export async function serveIf(wanted: boolean, args: string[] = [], env: Record<string, string> = {}): Promise<Served> {
  if (wanted) return serve(args, env);
  return { url: 'http://127.0.0.1:0', proc: null as unknown as ChildProcess, stderr: () => '', stop: async () => null };
}

async function start(args: string[], env: Record<string, string>): Promise<Served> {
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
  return {
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
}

import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { createPool } from '../serve/pool.js';
import { DEFAULTS, startServer } from '../serve/server.js';
import { warmUp } from '../serve/warm-up.js';
import { loadSetup } from './setup.js';
import { UsageError } from './usage-error.js';

export interface ServeCommandOptions {
  port: string;
  host: string;
  workers?: string;
  maxBody: string;
  timeout: string;
  queue: string;
  token?: string;
  corsOrigin: string[];
  rules: string[];
  config?: string;
  quiet?: boolean;
}

const whole = (flag: string, value: string, min: number): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} ${value}: expected a whole number, ${min} or more`);
  return n;
};

/** "5mb", "512k", "1000000" → bytes. */
export function parseBytes(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb?|mb?|gb?)?$/i.exec(value.trim());
  if (!m) throw new UsageError(`--max-body ${value}: expected a size such as 5mb, 512kb or 1000000`);
  const unit = (m[2] ?? 'b').toLowerCase()[0]!;
  const bytes = Math.round(Number(m[1]) * ({ b: 1, k: 1e3, m: 1e6, g: 1e9 } as Record<string, number>)[unit]!);
  if (bytes < 1) throw new UsageError(`--max-body ${value}: must be at least one byte`);
  return bytes;
}

/** `credlint serve`: runs until SIGTERM or SIGINT, then finishes the requests in flight and exits 0. */
export async function runServe(opts: ServeCommandOptions): Promise<number> {
  const port = whole('--port', opts.port, 0);
  if (port > 65535) throw new UsageError(`--port ${opts.port}: expected 0-65535`);
  const workers = opts.workers === undefined ? Math.min(2, availableParallelism()) : whole('--workers', opts.workers, 0);
  const timeoutMs = whole('--timeout', opts.timeout, 1);
  const maxQueue = whole('--queue', opts.queue, 0);
  const maxBodyBytes = parseBytes(opts.maxBody);
  const token = opts.token ?? process.env.CREDLINT_TOKEN ?? null;
  // A long-running service wants machine code for its patterns, compiled while it warms up, not on the 100th
  // request: back to V8's default tier-up (the CLI delays it for one-article runs, see regexp-tier-up.ts). Patterns
  // created from here on (the rules, and everything in the checking threads) compile on their second execution.
  setFlagsFromString('--regexp-tier-up-ticks=1');
  const loaded = loadSetup(opts);
  const pool = createPool(loaded, { workers, setup: { configFile: loaded.config.file, config: loaded.config, extraRuleDirs: opts.rules }, articleTimeoutMs: timeoutMs });
  const log = (line: string): void => void process.stderr.write(`credlint serve: ${line}\n`);
  // Cold start paid here, before listening: the first request is as fast as the next (see serve/warm-up.ts).
  const warmMs = await warmUp(pool, loaded.config, timeoutMs);
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer({ host: opts.host, port, loaded, pool, maxBodyBytes, timeoutMs, maxQueue, token: token || null, corsOrigins: opts.corsOrigin, log, compareThread: workers > 0 });
  } catch (e) {
    const problem = listenProblem(e);
    if (!problem) throw e;
    await pool.close();
    throw new UsageError(`--host ${opts.host} --port ${port}: cannot listen there (${problem})`);
  }
  if (!opts.quiet) log(`listening on ${running.url} (${pool.size} ${workers === 0 ? 'in-process checker' : 'worker threads'}, ${loaded.rules.filter((r) => r.enabled).length} rules${token ? ', bearer token required' : ''}; warmed up in ${Math.round(warmMs)} ms)`);
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string): void => {
      // A second signal while draining means "now": requests still in flight are cut.
      if (stopping) {
        log(`${signal} again: stopping now`);
        process.exit(1);
      }
      stopping = true;
      if (!opts.quiet) log(`${signal}: finishing the requests in flight`);
      running.close().then(resolve, (e) => {
        log(`shutdown: ${(e as Error).message}`);
        resolve();
      });
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  });
  if (!opts.quiet) log('stopped');
  return 0;
}

export const SERVE_DEFAULTS = DEFAULTS;

/** Why the server could not listen, in words, for the errors a user's --host or --port causes; else null. */
function listenProblem(e: unknown): string | null {
  switch ((e as NodeJS.ErrnoException)?.code) {
    case 'EADDRINUSE':
      return 'the port is in use';
    case 'EACCES':
      return 'permission denied: ports below 1024 need privileges';
    case 'EADDRNOTAVAIL':
      return 'the address is not one of this machine\'s';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'no such host';
    default:
      return null;
  }
}

#!/usr/bin/env node
// Load test of `credlint serve` on loopback (not part of `npm test`): a fixed number of POST /v1/check
// requests of one news-length article, first one at a time on a warm server (single-article latency), then
// from N concurrent clients (throughput, p50/p99). Stops by itself. Usage:
//   npm run bench:serve [-- --workers 2 --clients 8 --requests 2000]
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);
const WORKERS = Number(arg('--workers', 2));
const CLIENTS = Number(arg('--clients', 8));
const REQUESTS = Number(arg('--requests', 2000));
const WARM = 100;
const SINGLE = 200;

/** The median-length clean news body (about 500 words), or a generated one without ../shared. */
function newsArticle() {
  const file = join(ROOT, '..', 'shared', 'corpus', 'news-pages', 'pages.jsonl');
  if (existsSync(file)) {
    const bodies = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).body).sort((a, b) => a.length - b.length);
    return { body: bodies[bodies.length >> 1], from: 'the median-length body of ../shared/corpus/news-pages' };
  }
  const s = 'The council approved the new budget on Monday after a long debate, and the mayor said work on the depot would start in spring. ';
  return { body: Array.from({ length: 24 }, (_, i) => s + (i % 4 === 3 ? '\n\n' : '')).join(''), from: 'a generated text (../shared is missing)' };
}

function start() {
  const started = performance.now();
  const proc = spawn(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), 'serve', '--host', '127.0.0.1', '--port', '0', '--workers', String(WORKERS), '--queue', '1000'], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CREDLINT_TOKEN: '' } });
  return new Promise((resolve, reject) => {
    let err = '';
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (s) => {
      err += s;
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(err);
      if (m) resolve({ proc, port: Number(m[1]), startMs: performance.now() - started });
    });
    proc.once('exit', (code) => reject(new Error(`credlint serve exited (${code}): ${err}`)));
  });
}

function post(agent, port, body) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/v1/check?compare=false', agent, headers: { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - t) : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** User + system CPU seconds of a process (main thread and its workers), from /proc. */
function cpuSeconds(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return NaN;
  }
}

/** CPU seconds of the main thread alone (its thread id is the process id). */
function mainThreadSeconds(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return NaN;
  }
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const { body, from } = newsArticle();
const { proc, port, startMs } = await start();
try {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  // The first request right after "listening" (the service warms up before it listens: serve/warm-up.ts); the
  // client's own first-request set-up is paid on a /healthz call before it.
  await new Promise((resolve, reject) => request({ host: '127.0.0.1', port, path: '/healthz', agent }, (res) => res.resume().on('end', resolve)).on('error', reject).end());
  const first = await post(agent, port, body);
  for (let i = 0; i < WARM; i++) await post(agent, port, body);

  const single = [];
  for (let i = 0; i < SINGLE; i++) single.push(await post(agent, port, body));
  single.sort((a, b) => a - b);

  const load0 = loadavg()[0];
  const cpu0 = cpuSeconds(proc.pid);
  const main0 = mainThreadSeconds(proc.pid);
  const latencies = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < REQUESTS) {
        next++;
        latencies.push(await post(agent, port, body));
      }
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(proc.pid) - cpu0;
  const mainCpu = mainThreadSeconds(proc.pid) - main0;
  latencies.sort((a, b) => a - b);
  agent.destroy();

  const words = body.split(/\s+/).filter(Boolean).length;
  console.log(`credlint serve on ${availableParallelism()} cores, ${WORKERS} worker threads; article: ${from}, ${body.length} characters, ${words} words`);
  console.log(`start to listening ${startMs.toFixed(0)} ms (warm-up included); first request after it ${first.toFixed(1)} ms`);
  console.log(`warm single-article latency (${SINGLE} requests one at a time): p50 ${pct(single, 50).toFixed(1)} ms, p90 ${pct(single, 90).toFixed(1)} ms, p99 ${pct(single, 99).toFixed(1)} ms`);
  console.log(`${CLIENTS} concurrent clients, ${REQUESTS} requests: ${(REQUESTS / wall).toFixed(0)} requests/s; latency p50 ${pct(latencies, 50).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1).toFixed(1)} ms`);
  console.log(`server CPU ${cpu.toFixed(1)} s over ${wall.toFixed(1)} s = ${((1000 * cpu) / REQUESTS).toFixed(1)} ms of CPU per request (${((1000 * mainCpu) / REQUESTS).toFixed(1)} ms on the HTTP thread, the rest in the workers); ${(cpu / wall).toFixed(2)} cores busy of ${availableParallelism()}; load average at start ${load0.toFixed(2)} (other processes on the machine)`);
  console.log(`targets on 2 idle cores: >= 200 requests/s, p99 < 100 ms, warm single-article latency < 20 ms`);
} finally {
  proc.kill('SIGTERM');
}

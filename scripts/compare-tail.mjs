// The serial tail of a `check --format jsonl` run: spawns the CLI, reads its stdout line by line and prints
// when the last article line, the first comparison line and the summary appeared (ms since spawn), so the
// time the comparison adds after the checking is seen apart from the run's wall time.
//   node scripts/compare-tail.mjs [--dist DIR] [--out FILE] -- ARGS...   (ARGS after `check`)
import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const args = process.argv.slice(2);
const cut = args.indexOf('--');
const own = cut >= 0 ? args.slice(0, cut) : [];
const rest = cut >= 0 ? args.slice(cut + 1) : args;
const opt = (name, dflt) => {
  const i = own.indexOf(`--${name}`);
  return i >= 0 ? own[i + 1] : dflt;
};
const dist = resolve(opt('dist', new URL('../dist', import.meta.url).pathname));
const outPath = opt('out', null);
const out = outPath ? createWriteStream(outPath) : null;
const pre = opt('import', null);
const t0 = performance.now();
const child = spawn(process.execPath, [...(pre ? ['--import', pre] : []), `${dist}/cli/main.js`, 'check', ...rest], { stdio: ['ignore', 'pipe', 'inherit'] });
let lastArticle = 0;
let firstComparison = 0;
let summary = 0;
let lines = 0;
// CPU ms of each thread of the child (Linux /proc), sampled at most every 50 ms while articles are written and
// once at the summary: what each thread spent after the last article.
const threads = () => {
  const out = new Map();
  try {
    for (const t of readdirSync(`/proc/${child.pid}/task`)) {
      const stat = readFileSync(`/proc/${child.pid}/task/${t}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
      out.set(t, { name, ms: (Number(f[11]) + Number(f[12])) * 10 });
    }
  } catch {
    // not Linux, or the child is gone
  }
  return out;
};
// Last sample of each thread (a thread that has ended keeps it: the comparison thread ends before the summary).
const last = new Map();
const sample = () => {
  for (const [t, x] of threads()) last.set(t, x);
  return new Map([...last].map(([t, x]) => [t, { ...x }]));
};
setInterval(sample, 100).unref();
let atArticle = new Map();
let sampled = 0;
let tailCpu = null;
const rl = createInterface({ input: child.stdout, crlfDelay: Infinity });
rl.on('line', (line) => {
  const now = performance.now() - t0;
  lines++;
  out?.write(`${line}\n`);
  if (line.startsWith('{"type":"article"')) {
    lastArticle = now;
    if (now - sampled > 50) {
      atArticle = sample();
      sampled = now;
    }
  }
  else if (line.startsWith('{"type":"comparison"') && !firstComparison) firstComparison = now;
  if (line.startsWith('{"type":"summary"')) {
    summary = now;
    const end = sample();
    tailCpu = {};
    for (const [t, { name, ms }] of end) {
      const d = ms - (atArticle.get(t)?.ms ?? 0);
      if (d > 0) tailCpu[`${name}:${t}`] = d;
    }
  }
});
child.on('close', (code) => {
  const end = performance.now() - t0;
  out?.end();
  const r = (x) => Math.round(x);
  console.log(JSON.stringify({ code, lines, lastArticleMs: r(lastArticle), firstComparisonMs: r(firstComparison), summaryMs: r(summary), exitMs: r(end), tailMs: r(summary - lastArticle), tailCpu }));
});

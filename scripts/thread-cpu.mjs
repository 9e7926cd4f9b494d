// Preload for a CLI run (`node --import ./scripts/thread-cpu.mjs dist/cli/main.js check ...`, used by bench.mjs):
// at exit, the CPU time of each thread of the process (Linux /proc), so the main thread, each checking thread,
// the comparison thread and V8's own helper threads (TurboFan compiling, concurrent GC; shared by every
// isolate of the process) show apart. One line on stderr:
//   bench-thread-cpu {"main":ms,"checking":[ms,...],"comparison":[ms],"other":[ms,...],"helpers":ms}
// and, as before, `bench-main-thread-cpu-ms ms`. Each worker names its thread id over a BroadcastChannel; the
// main thread samples /proc every 100 ms (a thread that has ended keeps its last sample, so a worker's last
// <100 ms can be missing) and once more at exit. Elsewhere than Linux it prints nothing.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { basename } from 'node:path';
import { isMainThread } from 'node:worker_threads';

const CHANNEL = 'credlint-bench-thread-cpu';

/** CPU ms (user + system) of one thread of this process, or null when /proc cannot tell. */
function threadCpuMs(tid) {
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat (11 and 12 after the name), in clock ticks of 10 ms.
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return null;
  }
}

if (isMainThread) {
  const seen = new Map();
  const roles = new Map();
  const sample = () => {
    let tids;
    try {
      tids = readdirSync('/proc/self/task');
    } catch {
      return false;
    }
    for (const t of tids) {
      const ms = threadCpuMs(t);
      if (ms !== null) seen.set(t, ms);
    }
    return true;
  };
  if (sample()) {
    const bc = new BroadcastChannel(CHANNEL);
    bc.onmessage = (e) => roles.set(String(e.data.tid), e.data.script);
    bc.unref();
    setInterval(sample, 100).unref();
    process.on('exit', () => {
      sample();
      const main = String(process.pid);
      const out = { main: seen.get(main) ?? 0, checking: [], comparison: [], other: [], helpers: 0 };
      for (const [t, ms] of seen) {
        if (t === main) continue;
        const script = roles.get(t);
        if (script === 'check-worker.js') out.checking.push(ms);
        else if (script === 'compare-worker.js') out.comparison.push(ms);
        else if (script) out.other.push(ms);
        else out.helpers += ms;
      }
      process.stderr.write(`bench-thread-cpu ${JSON.stringify(out)}\nbench-main-thread-cpu-ms ${out.main}\n`);
    });
  }
} else {
  try {
    // "/proc/PID/task/TID": this thread's id as the main thread's sampling sees it.
    const tid = readlinkSync('/proc/thread-self').split('/').pop();
    const bc = new BroadcastChannel(CHANNEL);
    bc.postMessage({ tid, script: basename(process.argv[1] ?? '') });
    bc.close();
  } catch {
    /* not Linux: the main thread prints nothing either */
  }
}

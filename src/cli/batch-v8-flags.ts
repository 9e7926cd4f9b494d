import { setFlagsFromString } from 'node:v8';

// V8's optimising compiler (TurboFan) inlines callees into a hot function until the inlined bytecode reaches 920
// bytes in all (V8's default). credlint's hot functions (the tokenizer, chrome line features, the detectors' `run`)
// call many small helpers, so each compile job is large: at 1,000 articles the helper threads' TurboFan CPU was
// nearly that of the checking thread itself (2.8-2.9 s against 3.5-3.6 s), and every checking thread pays it again
// (compiled code is per isolate). A cumulative budget of 150 bytes keeps the small helpers inlined and leaves the
// rest as calls. Measured interleaved on the 2-core machine, byte-identical output: 1k `-j 1` with the comparison,
// helpers 2.8-2.9 -> 2.0-2.2 s, checking thread unchanged (3.5-3.6 vs 3.2-4.0 s), user CPU median 7.46 -> 6.77 s;
// 10k `--no-compare` `-j 1` helpers 3.1-3.2 -> 2.1-2.6 s, checking 18.2/22.1 -> 16.9/20.7 s; `-j 2` helpers
// 4.1/5.2 -> 3.8/3.8 s, checking 9.6+9.6/12.2+12.2 -> 9.6+9.7/11.7+11.6 s (no loss in steady state).
const FLAG = 'max-inlined-bytecode-size-cumulative';
let applied = false;

/** Whether the user already chose this V8 flag (on node's command line or in NODE_OPTIONS): then it is theirs. */
export function userSet(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  return userSetFlag(FLAG, execArgv, nodeOptions);
}

function userSetFlag(flag: string, execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  const named = (a: string): boolean => a.replace(/_/g, '-').startsWith(`--${flag}`);
  return execArgv.some(named) || (nodeOptions ?? '').split(/\s+/).some(named);
}

/**
 * Sets the inlining budget for a batch, once, before its checking threads start (a process-wide V8 flag; TurboFan
 * reads it at each compile, so it holds for every thread started after). Only for batches: a one-article run
 * compiles almost nothing with TurboFan, and its bundle's code cache is read before this runs either way.
 */
export function tuneCompilerForBatch(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS): boolean {
  if (applied || userSet(execArgv, nodeOptions)) return false;
  applied = true;
  setFlagsFromString(`--${FLAG}=150`);
  return true;
}

// The comparison thread's heap grows steadily for the whole batch (the facts it holds: ~150 MB at 10,000
// articles), and V8 starts a new thread's old generation small and grows it one full collection at a time: 12 of
// them at 10k, each marking the whole heap on V8's helper threads. Starting that one thread at 256 MB leaves 2.
// V8 reads the flag when it creates a thread's heap, so it is set just before the comparison thread is created and
// put back (0: V8's own sizing) once that thread runs; the checking threads, whose live heap is ~50 MB, keep V8's
// sizing (a large start for them too cost 75 MB of uncollected garbage each at 100k, for little).
const HEAP_FLAG = 'initial-old-space-size';
const COMPARISON_HEAP_MB = 256;

/**
 * For BatchComparison's aroundThreadStart: a larger initial heap for the thread created next, undone by the
 * returned function. Nothing (a no-op) when the user set the flag: then it is theirs, for every thread.
 */
export function largerHeapForNextThread(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS): () => void {
  if (userSetFlag(HEAP_FLAG, execArgv, nodeOptions)) return () => {};
  setFlagsFromString(`--${HEAP_FLAG}=${COMPARISON_HEAP_MB}`);
  return () => setFlagsFromString(`--${HEAP_FLAG}=0`);
}

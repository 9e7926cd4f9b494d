/**
 * The modules this process was started with through `node --import` (or `--require`): worker threads
 * do not run them by themselves, so the pool has each worker import them before it loads the rules.
 */
export function preloadsOf(execArgv: readonly string[] = process.execArgv): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const a = execArgv[i]!;
    const m = /^--(?:import|require)(?:=(.*))?$/.exec(a);
    if (!m) continue;
    const value = m[1] ?? execArgv[++i];
    if (value) out.push(value);
  }
  return out;
}

import { escapeLine } from '../report/escape-control.js';

export interface Progress {
  tick(done: number): void;
  /**
   * After the last article: the line says what the run still does (the comparison's last joins take seconds
   * on an archive, and a line stopped at "checked 10000/10000" reads as a hang).
   */
  stage(what: string): void;
  end(): void;
}

const NONE: Progress = { tick() {}, stage() {}, end() {} };

const clock = (s: number): string => (s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : s >= 60 ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.round(s)}s`);

/**
 * One line on standard error, redrawn at most five times a second: done of total (when known),
 * articles per second and the time left. Nothing when stderr is not a terminal or with --quiet.
 */
export function createProgress(total: number | undefined, enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!enabled || !stream.isTTY) return NONE;
  const started = performance.now();
  let last = -Infinity; // the first tick always draws, however soon after start-up it comes
  let shown = false;
  let lastDone = 0;
  let lastAt = started;
  // `at`: when `done` was reached, so a stage drawn later keeps the checking's rate.
  const draw = (done: number, at: number, after?: string): void => {
    const secs = (at - started) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    const parts = [total !== undefined ? `checked ${done}/${total}` : `checked ${done}`, `${rate.toFixed(rate < 10 ? 1 : 0)} articles/s`];
    if (after) parts.push(after);
    else if (total !== undefined && rate > 0 && done < total) parts.push(`${clock((total - done) / rate)} left`);
    stream.write(`\r${escapeLine(parts.join(' · '))}\x1b[K`);
    shown = true;
  };
  return {
    tick(done) {
      const now = performance.now();
      lastDone = done;
      lastAt = now;
      if (now - last < 200 && done !== total) return;
      last = now;
      draw(done, now);
    },
    stage(what) {
      // Only on a line already drawn: a short run that drew nothing stays silent.
      if (shown) draw(lastDone, lastAt, what);
    },
    end() {
      if (shown) stream.write('\n');
    },
  };
}

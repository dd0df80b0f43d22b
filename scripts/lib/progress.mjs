// A one-line progress bar on stderr: count, rate and ETA, redrawn with \r at most ten times a second. When
// stderr is not a terminal (CI, a pipe, a log file) it stays quiet and only the final line is written.

/** `update(done)` as work advances, `note(message)` between phases, `finish(message)` once at the end. */
export function createProgress({ total, unit = 'users', stream = process.stderr }) {
  const started = performance.now();
  const interactive = Boolean(stream.isTTY);
  let drawnAt = 0;

  const line = (done) => {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const share = total > 0 ? done / total : 1;
    const width = 24;
    const filled = Math.round(share * width);
    const eta = rate > 0 ? (total - done) / rate : 0;
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${formatCount(done)}/${formatCount(total)} ${unit}  ${formatCount(Math.round(rate))}/s  ETA ${formatDuration(eta)}`;
  };

  return {
    update(done) {
      if (!interactive) return;
      const now = performance.now();
      if (now - drawnAt < 100 && done < total) return;
      drawnAt = now;
      stream.write(`\r${line(done)}\x1b[K`);
    },
    /** Ends the bar's line and says what comes next (terminal only). */
    note(message) {
      if (interactive) stream.write(`\r${line(total)}\x1b[K\n${message}\n`);
    },
    finish(message) {
      if (interactive) stream.write(`\r${line(total)}\x1b[K\n`);
      if (message) stream.write(`${message}\n`);
    },
  };
}

/** 1234567 → "1,234,567". */
export const formatCount = (value) => Math.round(value).toLocaleString('en-US');

/** Seconds → "42 s" or "3 min 05 s". */
export function formatDuration(seconds) {
  if (!Number.isFinite(seconds)) return '?';
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

/**
 * @module What both daily schedulers (reminders, digest) share: Tehran's offset, and a run that never
 * overlaps itself — a call while one is going gets that one; a failure is reported, not thrown.
 */

/** Tehran is UTC+03:30 (no daylight saving since 2022). */
export const TEHRAN_OFFSET_MS = 3.5 * 3_600_000;

/**
 * `run` wrapped so runs never overlap; the result is the run's, or null when it failed (after `onError`).
 *
 * @example
 * const runNow = singleRun(() => runReminders(client, …), { onRun, onError, label: 'reminders' });
 */
export function singleRun<R>(run: () => Promise<R>, options: { onRun?: (run: R) => void; onError?: (error: unknown) => void; label: string }): () => Promise<R | null> {
  let running: Promise<R | null> | null = null;
  return () => {
    if (running) return running;
    running = run()
      .then((result) => {
        options.onRun?.(result);
        return result;
      })
      .catch((error: unknown) => {
        (options.onError ?? ((e) => console.error(`${options.label} failed:`, e)))(error);
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
}

/**
 * @module The reminder scheduler: runs once on start, then every day just after midnight in
 * Tehran (by the injectable clock). Stoppable; runs never overlap. Idempotent, so several
 * instances may each run it.
 */
import type { Client } from '@libsql/client';
import type { Clock } from '../clock';
import type { Mailer } from './mailer';
import { runReminders, type ReminderRun } from './reminders';
import { singleRun, TEHRAN_OFFSET_MS } from './single-run';

export interface ReminderScheduler {
  /** The run started by `start`, for callers (and tests) that wait for it. */
  readonly firstRun: Promise<ReminderRun | null>;
  /** Run now (a run already going is awaited instead of starting another). */
  runNow(): Promise<ReminderRun | null>;
  stop(): void;
}

export interface SchedulerOptions {
  client: Client;
  clock: Clock;
  mailer?: Mailer;
  publicUrl?: string;
  /** Override the wait between runs (tests); default: until 00:05 next day in Tehran. */
  intervalMs?: number;
  onRun?: (run: ReminderRun) => void;
  onError?: (error: unknown) => void;
}


/**
 * Milliseconds from `now` until 00:05 of the next day in Tehran.
 *
 * @example
 * msUntilNextTehranMorning(new Date('2021-02-02T20:00:00Z')) // 35 minutes: 00:05 Tehran is 20:35 UTC
 */
export function msUntilNextTehranMorning(now: Date): number {
  const local = now.getTime() + TEHRAN_OFFSET_MS;
  const nextMidnight = Math.floor(local / 86_400_000 + 1) * 86_400_000;
  return nextMidnight + 5 * 60_000 - local;
}

/**
 * Start reminders: one run now, then daily.
 *
 * @example
 * const scheduler = startReminderScheduler({ client: database.client, clock: systemClock });
 * process.on('SIGTERM', () => scheduler.stop());
 */
export function startReminderScheduler(options: SchedulerOptions): ReminderScheduler {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const runNow = singleRun(() => runReminders(options.client, { now: options.clock.now(), mailer: options.mailer, publicUrl: options.publicUrl }), { onRun: options.onRun, onError: options.onError, label: 'reminders' });

  const schedule = () => {
    if (stopped) return;
    const wait = options.intervalMs ?? msUntilNextTehranMorning(options.clock.now());
    timer = setTimeout(() => {
      void runNow().finally(schedule);
    }, wait);
    // A pending reminder must not keep a process (a CLI, a test) alive.
    timer.unref();
  };

  const firstRun = runNow();
  schedule();
  return {
    firstRun,
    runNow,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

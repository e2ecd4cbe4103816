/**
 * @module When the daily digest goes out: at a configured time of day in Tehran (NESHAST_DIGEST_AT),
 * and on start when that time has passed today (a restart sends nothing twice: claims are in the
 * database). A run with failed sends is retried after `retryMs`, while the day lasts.
 */
import type { Clock } from '../clock';
import type { DigestRun } from './digest.service';
import { singleRun, TEHRAN_OFFSET_MS } from './single-run';

const DAY_MS = 86_400_000;

export interface TimeOfDay {
  hour: number;
  minute: number;
}

/**
 * Read `HH:MM` (24-hour, Tehran time).
 *
 * @example
 * parseTimeOfDay('07:30') // { hour: 7, minute: 30 }
 */
export function parseTimeOfDay(text: string): TimeOfDay {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!match) throw new Error(`not a time of day (HH:MM): ${text}`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

const msIntoTehranDay = (now: Date) => (((now.getTime() + TEHRAN_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
const msOf = (at: TimeOfDay) => (at.hour * 60 + at.minute) * 60_000;

/**
 * Whether `at` has come today in Tehran.
 *
 * @example
 * isPastInTehran(new Date('2021-02-02T04:00:00Z'), { hour: 7, minute: 0 }) // true: 07:30 in Tehran
 */
export function isPastInTehran(now: Date, at: TimeOfDay): boolean {
  return msIntoTehranDay(now) >= msOf(at);
}

/**
 * Milliseconds from `now` until the next `at` in Tehran (a full day when it is exactly now).
 *
 * @example
 * msUntilTehranTime(new Date('2021-02-02T03:00:00Z'), { hour: 7, minute: 0 }) // 30 minutes
 */
export function msUntilTehranTime(now: Date, at: TimeOfDay): number {
  const wait = msOf(at) - msIntoTehranDay(now);
  return wait > 0 ? wait : wait + DAY_MS;
}

export interface DigestScheduler {
  /** The run made on start (null when the time had not come yet, or it failed). */
  readonly firstRun: Promise<DigestRun | null>;
  /** Run now (a run already going is awaited instead of starting another). */
  runNow(): Promise<DigestRun | null>;
  stop(): void;
}

export interface DigestSchedulerOptions {
  clock: Clock;
  at: TimeOfDay;
  run: () => Promise<DigestRun>;
  /** Wait before retrying failed sends (default 15 minutes). */
  retryMs?: number;
  onRun?: (run: DigestRun) => void;
  onError?: (error: unknown) => void;
}

/**
 * Start the digest: now if today's time has passed, then daily at `at`.
 *
 * @example
 * const digest = startDigestScheduler({ clock: systemClock, at: parseTimeOfDay(env.NESHAST_DIGEST_AT), run: () => service.run() });
 */
export function startDigestScheduler(options: DigestSchedulerOptions): DigestScheduler {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const runNow = singleRun(options.run, { onRun: options.onRun, onError: options.onError, label: 'e-mail digest' });

  const schedule = (last: DigestRun | null) => {
    if (stopped) return;
    const untilNext = msUntilTehranTime(options.clock.now(), options.at);
    const retry = last && last.failed > 0 ? options.retryMs ?? 15 * 60_000 : Infinity;
    timer = setTimeout(() => {
      // A retry that lands after midnight, before the day's time, waits for it.
      const due = isPastInTehran(options.clock.now(), options.at);
      void (due ? runNow() : Promise.resolve(null)).then(schedule);
    }, Math.min(untilNext, retry));
    // A pending digest must not keep a process (a CLI, a test) alive.
    timer.unref();
  };

  const firstRun = isPastInTehran(options.clock.now(), options.at) ? runNow() : Promise.resolve(null);
  void firstRun.then(schedule);
  return {
    firstRun,
    runNow,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

/**
 * @module Sending the daily digest: for each person who receives e-mail, gather their unread
 * notifications (grouped as on the page) and their actions overdue or near the deadline, claim
 * (person, Tehran day) in the database, send, and mark it sent, or failed so a later run retries.
 *
 * Delivery is exactly once per person and day while instances stay up; an instance that dies
 * between the SMTP server accepting a message and marking it sent leaves a 'sending' claim that
 * another instance takes over after the lease, so that rare case sends twice rather than never.
 */
import { createActionsRepo } from '../actions/actions.repo';
import type { ActionSummary } from '../actions/actions.schemas';
import { createActionsService, type ActionsService } from '../actions/actions.service';
import { tehranToday } from '../actions/due-dates';
import { isManager, OPEN_STATUSES } from '../actions/status-rules';
import type { Clock } from '../clock';
import type { Database } from '../db/client';
import type { AuthUser } from '../http/app-env';
import { composeDigest, type DigestAction, type DigestMail } from './digest';
import { createDigestRepo, type DigestRecipient, type DigestRepo } from './digest.repo';
import type { Mailer } from './mailer';
import { createNotificationsRepo } from './notifications.repo';
import { createNotificationsService, type NotificationsService } from './notifications.service';

export interface DigestRun {
  day: string;
  sent: number;
  /** Sends that failed this run (their claims wait for a retry). */
  failed: number;
  /** People with nothing to tell today. */
  empty: number;
  /** Already sent, or held by another instance. */
  skipped: number;
}

export interface DigestOptions {
  repo: DigestRepo;
  notifications: NotificationsService;
  actions: ActionsService;
  mailer: Mailer;
  clock: Clock;
  publicUrl?: string;
  /** How long a 'sending' claim holds before another instance may take it over (default 10 minutes). */
  leaseMs?: number;
  /** Sends tried per person and day before giving up (default 5). */
  maxAttempts?: number;
}

export const DIGEST_LEASE_MS = 10 * 60_000;
export const DIGEST_MAX_ATTEMPTS = 5;

const digestAction = (a: ActionSummary): DigestAction => ({ id: a.id, quote: a.directive.quote, unitName: a.unit.name, dueOn: a.dueOn ?? '', daysLeft: a.daysLeft ?? 0 });

export function createDigestService(options: DigestOptions) {
  const { repo, notifications, actions, mailer, clock } = options;

  /**
   * The actions a person answers for: a unit's people their unit's; a manager the actions of the
   * directives they assigned. Only published work, only open actions.
   */
  async function actionsOf(user: AuthUser): Promise<ActionSummary[]> {
    const statuses = [...OPEN_STATUSES];
    if (isManager(user.role)) return (await actions.list({ assignedBy: user.id, statuses, publishedOnly: true }, 10_000)).items;
    if (!user.unitCode) return [];
    return (await actions.list({ unitCodes: [user.unitCode], statuses, publishedOnly: true }, 10_000)).items;
  }

  /** The digest of one person for `day`, or null when there is nothing to tell. */
  async function compose(person: DigestRecipient, day: string): Promise<DigestMail | null> {
    const user: AuthUser = { id: person.id, username: person.username, displayName: person.displayName, role: person.role, unitCode: person.unitCode };
    const [groups, mine] = await Promise.all([notifications.grouped(user, { unreadOnly: true }), actionsOf(user)]);
    const awaitingVerification = isManager(user.role) ? mine.filter((a) => a.status === 'awaiting_verification').length : 0;
    return composeDigest({
      displayName: person.displayName,
      day,
      groups: groups.map((g) => ({ summary: g.summary, quote: g.directive.quote, unread: g.unread })),
      overdue: mine.filter((a) => a.dueState === 'overdue').map(digestAction),
      dueSoon: mine.filter((a) => a.dueState === 'due_today' || a.dueState === 'due_soon').map(digestAction),
      awaitingVerification,
      baseUrl: options.publicUrl,
    });
  }

  return {
    compose,

    /** Send today's digest (Tehran day) to everyone who has not had it yet. Safe to run from several instances at once. */
    async run(): Promise<DigestRun> {
      const started = clock.now();
      const day = tehranToday(started);
      const run: DigestRun = { day, sent: 0, failed: 0, empty: 0, skipped: 0 };
      for (const person of await repo.recipients()) {
        if (await repo.isSent(person.id, day)) {
          run.skipped++;
          continue;
        }
        const mail = await compose(person, day);
        if (!mail) {
          run.empty++;
          continue;
        }
        const now = clock.now();
        const claim = await repo.claim(person.id, day, now.toISOString(), new Date(now.getTime() - (options.leaseMs ?? DIGEST_LEASE_MS)).toISOString(), options.maxAttempts ?? DIGEST_MAX_ATTEMPTS);
        if (!claim) {
          run.skipped++;
          continue;
        }
        try {
          await mailer.send({ to: [person.email], subject: mail.subject, text: mail.text });
          await repo.markSent(claim, clock.now().toISOString());
          run.sent++;
        } catch (error) {
          run.failed++;
          await repo.markFailed(claim, error instanceof Error ? error.message : String(error));
        }
      }
      return run;
    },
  };
}

export type DigestService = ReturnType<typeof createDigestService>;

/**
 * The digest over a database, with its own repositories (the server's scheduler, tests of several instances).
 *
 * @example
 * const digest = digestServiceFor(database, { mailer, clock: systemClock, publicUrl: env.PUBLIC_URL });
 */
export function digestServiceFor(database: Database, options: Omit<DigestOptions, 'repo' | 'notifications' | 'actions'>): DigestService {
  const actions = createActionsService(createActionsRepo(database), options.clock);
  return createDigestService({
    ...options,
    repo: createDigestRepo(database.client),
    notifications: createNotificationsService(createNotificationsRepo(database.db), actions, options.clock),
    actions,
  });
}

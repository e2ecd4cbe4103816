/**
 * @module The rules of action items applied for one user: who may read and write which action,
 * follow-ups with evidence, status steps, re-assigning and re-dating, each checked against the
 * version the user read. Rows become API shapes here (presenters).
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import type { AuditEntry } from '../audit/audit';
import type { ActionStatus } from '../db/schema';
import { AppError, ForbiddenError, NotFoundError, UnprocessableError } from '../errors';
import type { AuthUser } from '../http/app-env';
import { assertPlausibleDeadline } from '../dates/plausible-dates';
import { formatJalali } from '../persian/jalali';
import { jalaliForPeople } from '../persian/jalali';
import { presentUnitRef } from '../units/units.presenter';
import { presentDirectiveExcerpt } from '../directives/directives.presenter';
import type { ActionChange, ActionFilter, ActionRecord, ActionsRepo, UnitRow } from './actions.repo';
import type { ActionDetail, ActionSummary, FollowUpInput } from './actions.schemas';
import { daysBetween, dueState, tehranToday } from './due-dates';
import type { CheckedEvidence } from './evidence-files';
import {
  allowedTransitions,
  canWrite,
  isManager,
  OPEN_STATUSES,
  planTransition,
  RuleViolation,
  statusAfterProgress,
  STATUS_LABELS,
  type Actor,
  TRANSITIONS,
  type TransitionName,
} from './status-rules';
import { stripBidiControls, stripBidiFromIdentifier } from '../security/bidi';
import { isPublicSession } from '../sessions/publication';
import type { EventNotice } from '../notifications/events';
import type { EventKind } from '../db/schema';

/**
 * One action as every list and page shows it.
 *
 * @example
 * presentAction(record, units, '2021-02-04').dueState // 'overdue'
 */
export function presentAction(record: ActionRecord, units: Map<string, UnitRow>, today: string): ActionSummary {
  const { action, directive, session } = record;
  const state = dueState(action.dueOn, action.status, today);
  return {
    id: action.id,
    version: action.version,
    status: action.status,
    statusLabel: STATUS_LABELS[action.status],
    statusReason: action.statusReason,
    progress: action.progress,
    priority: action.priority,
    dueOn: action.dueOn,
    dueOnJalali: action.dueOn ? formatJalali(action.dueOn) : null,
    dueState: state,
    daysLeft: action.dueOn && state !== 'closed' ? daysBetween(today, action.dueOn) : null,
    unit: presentUnitRef(units, action.unitCode),
    recipient: presentUnitRef(units, action.recipientCode),
    directive: presentDirectiveExcerpt(directive),
    session: { slug: session.slug, title: session.title, heldOn: session.heldOn, series: session.series, withdrawn: session.status === 'withdrawn' },
    link: `/sessions/${encodeURIComponent(session.slug)}#d-${directive.anchor}`,
    createdAt: action.createdAt,
    updatedAt: action.updatedAt,
    closedAt: action.closedAt,
  };
}

/** Overdue first, then by due date (none last), closed ones at the end. */
export function byUrgency(a: ActionSummary, b: ActionSummary): number {
  const rank = (x: ActionSummary) => (x.dueState === 'overdue' ? 0 : x.dueState === 'closed' ? 2 : 1);
  return rank(a) - rank(b) || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.id - b.id;
}

function actorFor(user: AuthUser, unitCode: string): Actor {
  return { role: user.role, ownUnit: user.unitCode !== null && user.unitCode === unitCode };
}

function fromRule(violation: RuleViolation): AppError {
  return violation.status === 403 ? ForbiddenError(violation.message) : UnprocessableError(violation.code, violation.message);
}

export interface PostResult {
  detail: ActionDetail;
  /** A retried post with a known Idempotency-Key: nothing new was stored. */
  replayed: boolean;
}

export function createActionsService(repo: ActionsRepo, clock: Clock) {
  const today = () => tehranToday(clock.now());
  const stamp = () => clock.now().toISOString();

  async function summaries(records: ActionRecord[]): Promise<ActionSummary[]> {
    const units = await repo.units();
    const day = today();
    return records.map((r) => presentAction(r, units, day));
  }

  async function load(id: number): Promise<ActionRecord> {
    const record = await repo.byId(id);
    if (!record) throw NotFoundError('اقدام');
    return record;
  }

  /**
   * An action `user` may read. Of a withdrawn session: managers and admins, and the director of the
   * action's own unit (told of its cancellation, it stays in their list); anyone else gets the same
   * 404 as for an action that never existed.
   */
  async function readable(id: number, user: AuthUser): Promise<ActionRecord> {
    const record = await load(id);
    if (mayRead(record, user)) return record;
    throw NotFoundError('اقدام');
  }

  /** One audit entry of `user`'s change to action `id`, at the clock's now. */
  function audited(user: AuthUser, id: number, event: string, before: unknown, after: unknown, detail: string | null = null): AuditEntry {
    return { actorId: user.id, event, entity: 'action', entityId: id, before, after, detail, at: clock.now() };
  }

  function mayRead(record: ActionRecord, user: AuthUser): boolean {
    return record.session.status !== 'withdrawn' || isManager(user.role) || actorFor(user, record.action.unitCode).ownUnit;
  }

  /** 409 for any change to an action of a withdrawn session: read-only until the session is restored. */
  function assertSessionLive(record: ActionRecord): void {
    if (record.session.status === 'withdrawn') {
      throw new AppError(409, 'session_withdrawn', 'نشست این اقدام پس گرفته شده است و اقدام فقط خواندنی است؛ برای تغییر، نخست نشست را بازگردانید.');
    }
  }

  async function conflict(id: number): Promise<AppError> {
    const [current] = await summaries([await load(id)]);
    return new AppError(409, 'version_conflict', 'این اقدام در این فاصله تغییر کرده است؛ وضعیت تازه را ببینید و دوباره بفرستید.', {
      current,
    });
  }

  /** 403 unless the user may write to this action; a director only to their own unit's. */
  function assertWriter(user: AuthUser, record: ActionRecord): void {
    if (!canWrite(actorFor(user, record.action.unitCode))) {
      throw ForbiddenError(user.role === 'director' ? 'این اقدام به واحد شما سپرده نشده است.' : 'اجازه ثبت گزارش برای این اقدام را ندارید.');
    }
  }

  async function assertFresh(record: ActionRecord, version: number): Promise<void> {
    if (record.action.version !== version) throw await conflict(record.action.id);
  }

  async function write(record: ActionRecord, version: number, change: ActionChange): Promise<'applied' | 'duplicate'> {
    const outcome = await repo.applyChange(record.action.id, version, stamp(), change);
    if (outcome === 'stale') throw await conflict(record.action.id);
    return outcome;
  }

  /** A notice for the people of the action's unit (or of `unitCode`, after a re-assignment). */
  const toUnit = (record: ActionRecord, kind: EventKind, user: AuthUser, detail: string | null, unitCode = record.action.unitCode): EventNotice => ({
    kind,
    actionId: record.action.id,
    unitCode,
    recipientUserId: null,
    actorId: user.id,
    detail,
    dueOn: record.action.dueOn,
  });

  /** Notices for headquarters (who assigned the action, who verified or returned it), never the author. */
  async function toHeadquarters(record: ActionRecord, kind: EventKind, user: AuthUser, detail: string | null): Promise<EventNotice[]> {
    const people = await repo.headquartersPeople(record.action.id);
    return people
      .filter((id) => id !== user.id)
      .map((id) => ({ ...toUnit(record, kind, user, detail), recipientUserId: id }));
  }

  /** What the other side is told of a unit's report or message: headquarters if the unit wrote, else the unit. */
  async function toOtherSide(record: ActionRecord, kind: EventKind, user: AuthUser, detail: string | null): Promise<EventNotice[]> {
    return isManager(user.role) ? (kind === 'comment' ? [toUnit(record, kind, user, detail)] : []) : toHeadquarters(record, kind, user, detail);
  }

  /** Who hears of a status step: the unit of a verdict or a cancellation, headquarters of a request. */
  async function transitionNotices(record: ActionRecord, transition: TransitionName, user: AuthUser, reason: string | null): Promise<EventNotice[]> {
    if (transition === 'verify') return [toUnit(record, 'verified', user, null)];
    if (transition === 'return') return [toUnit(record, 'returned', user, reason)];
    if (transition === 'cancel') return [toUnit(record, 'cancelled', user, reason)];
    if (transition === 'request_verification') return toOtherSide(record, 'verification_requested', user, null);
    return [];
  }

  /** Overdue and due-soon counts of a whole list (the page shows them for every page, not one). */
  const dueCounts = (items: Array<{ dueState: string }>) => ({
    overdue: items.filter((a) => a.dueState === 'overdue').length,
    dueSoon: items.filter((a) => a.dueState === 'due_soon' || a.dueState === 'due_today').length,
  });

  const service = {
    today,
    summaries,

    async list(filter: ActionFilter, limit = 200, offset = 0) {
      const items = (await summaries(await repo.list(filter))).sort(byUrgency);
      return { items: items.slice(offset, offset + limit), total: items.length, dueCounts: dueCounts(items), today: today() };
    },

    /** A director's (or anyone's with a unit) own actions; cancelled ones left out. */
    async mine(user: AuthUser, statuses?: ActionStatus[]) {
      if (!user.unitCode) return { items: [], total: 0, dueCounts: dueCounts([]), today: today() };
      return service.list({ unitCodes: [user.unitCode], statuses: statuses ?? ['open', 'in_progress', 'awaiting_verification', 'blocked', 'done'] });
    },

    async verificationQueue() {
      const items = (await summaries(await repo.list({ statuses: ['awaiting_verification'] }))).sort((a, b) =>
        a.updatedAt.localeCompare(b.updatedAt),
      );
      return { items, total: items.length, dueCounts: dueCounts(items), today: today() };
    },

    async detail(id: number, user: AuthUser): Promise<ActionDetail> {
      const record = await readable(id, user);
      const [[action], timeline, audit, hasEvidence] = await Promise.all([
        summaries([record]),
        repo.timeline(id),
        repo.auditTrail(id),
        repo.hasEvidence(id),
      ]);
      if (!action) throw NotFoundError('اقدام');
      const actor = actorFor(user, record.action.unitCode);
      const live = record.session.status !== 'withdrawn';
      return {
        ...action,
        hasEvidence,
        permissions: {
          canPostUpdate: live && canWrite(actor) && !['done', 'cancelled'].includes(record.action.status),
          canComment: live && canWrite(actor),
          canReassign: live && isManager(user.role),
          transitions: live ? allowedTransitions(record.action.status, actor) : [],
        },
        timeline: timeline.map(({ followUp: f, authorName, files }) => ({
          id: f.id,
          kind: f.kind,
          author: f.authorId !== null ? { id: f.authorId, displayName: authorName ?? '' } : null,
          note: f.note,
          replyTo: f.replyToId,
          progress: f.progress,
          letterNumber: f.letterNumber,
          letterDate: f.letterDate,
          letterDateJalali: f.letterDate ? formatJalali(f.letterDate) : null,
          files: files.map((file) => ({
            id: file.id,
            fileName: file.fileName,
            mimeType: file.mimeType,
            size: file.size,
            sha256: file.sha256,
            url: `/api/evidence/${file.id}`,
          })),
          createdAt: f.createdAt,
        })),
        audit: audit.map(({ entry, actorName }) => ({
          id: entry.id,
          at: entry.at,
          actor: entry.actorId !== null ? { id: entry.actorId, displayName: actorName ?? '' } : null,
          event: entry.event,
          before: entry.before,
          after: entry.after,
          detail: entry.detail,
        })),
      };
    },

    /**
     * A progress update (note, percentage, letter, files), optionally asking for verification
     * at once. A retried post with the same Idempotency-Key is stored once.
     */
    async postFollowUp(id: number, user: AuthUser, input: FollowUpInput, files: CheckedEvidence[], idempotencyKey?: string): Promise<PostResult> {
      const record = await readable(id, user);
      assertWriter(user, record);
      assertSessionLive(record);
      const key = idempotencyKey ? `u${user.id}:${idempotencyKey}` : `auto:${randomUUID()}`;
      const replay = async (): Promise<PostResult | null> => {
        if (!idempotencyKey) return null;
        const earlier = await repo.followUpByKey(key);
        if (!earlier) return null;
        if (earlier.actionId !== id) throw UnprocessableError('idempotency_key_reused', 'این کلید تکرار برای اقدام دیگری به کار رفته است.');
        return { detail: await service.detail(id, user), replayed: true };
      };
      const earlier = await replay();
      if (earlier) return earlier;

      // Overrides and isolates could make a note or a letter number read as something else (RTL spoofing).
      const note = input.note === undefined ? null : stripBidiControls(input.note).trim() || null;
      const letterNumber = input.letterNumber === undefined ? null : stripBidiFromIdentifier(input.letterNumber).trim() || null;
      if (!note && input.progress === undefined && !letterNumber && files.length === 0 && !input.requestVerification) {
        throw UnprocessableError('empty_update', 'گزارش خالی است: یادداشت، درصد پیشرفت یا مستندی بنویسید.');
      }
      if (input.letterDate && !letterNumber) {
        throw UnprocessableError('letter_number_required', 'برای تاریخ نامه، شماره نامه را هم بنویسید.');
      }
      // A note, letter or file overwrites nothing: appended without the version, it never conflicts.
      // Only a change of progress or status is checked against the version the user read.
      if (input.progress === undefined && !input.requestVerification) {
        try {
          statusAfterProgress(record.action.status);
        } catch (e) {
          if (e instanceof RuleViolation) throw fromRule(e);
          throw e;
        }
        const outcome = await repo.appendFollowUp(
          id,
          stamp(),
          { key, authorId: user.id, kind: 'progress', note, progress: null, letterNumber, letterDate: input.letterDate ?? null, files },
          [audited(user, id, 'action.follow_up', null, { note: note !== null, letterNumber, files: files.map((f) => f.fileName) })],
          record.action.status === 'open',
          await toOtherSide(record, 'report_posted', user, note),
        );
        if (outcome === 'duplicate') {
          const replayed = await replay();
          if (replayed) return replayed;
        }
        return { detail: await service.detail(id, user), replayed: false };
      }
      if (input.version === undefined) {
        throw UnprocessableError('version_required', 'برای تغییر درصد پیشرفت یا درخواست تأیید، نسخه‌ای از اقدام را که خوانده‌اید بفرستید.');
      }
      await assertFresh(record, input.version);
      const before = { status: record.action.status, progress: record.action.progress };
      let status: ActionStatus;
      let kind: 'progress' | 'request_verification' = 'progress';
      try {
        status = statusAfterProgress(record.action.status);
        if (input.requestVerification) {
          const hasEvidence = letterNumber !== null || files.length > 0 || (await repo.hasEvidence(id));
          status = planTransition({ status, hasEvidence }, actorFor(user, record.action.unitCode), { transition: 'request_verification' }).to;
          kind = 'request_verification';
        }
      } catch (e) {
        if (e instanceof RuleViolation) throw fromRule(e);
        throw e;
      }
      const progress = input.progress ?? record.action.progress;
      const after = { status, progress };
      const outcome = await write(record, input.version, {
        set: { status, progress, statusReason: status === record.action.status ? record.action.statusReason : null },
        followUp: {
          key,
          authorId: user.id,
          kind,
          note,
          progress: input.progress ?? null,
          letterNumber,
          letterDate: input.letterDate ?? null,
          files,
        },
        audit: [
          audited(user, id, kind === 'request_verification' ? 'action.request_verification' : 'action.follow_up', before, {
            ...after,
            letterNumber,
            files: files.map((f) => f.fileName),
          }),
        ],
        notices: await toOtherSide(record, kind === 'request_verification' ? 'verification_requested' : 'report_posted', user, note),
      });
      if (outcome === 'duplicate') {
        const replayed = await replay();
        if (replayed) return replayed;
      }
      return { detail: await service.detail(id, user), replayed: false };
    },

    /**
     * A message of the action's discussion thread between the unit and headquarters (optionally a
     * reply to an earlier comment). Appended without the version; also on closed actions.
     */
    async postComment(id: number, user: AuthUser, body: { note: string; replyTo?: number }, idempotencyKey?: string): Promise<PostResult> {
      const record = await readable(id, user);
      assertWriter(user, record);
      assertSessionLive(record);
      const key = idempotencyKey ? `u${user.id}:${idempotencyKey}` : `auto:${randomUUID()}`;
      if (idempotencyKey) {
        const earlier = await repo.followUpByKey(key);
        if (earlier) {
          if (earlier.actionId !== id) throw UnprocessableError('idempotency_key_reused', 'این کلید تکرار برای اقدام دیگری به کار رفته است.');
          return { detail: await service.detail(id, user), replayed: true };
        }
      }
      const note = stripBidiControls(body.note).trim();
      if (!note) throw UnprocessableError('comment_empty', 'متن پیام خالی است.');
      if (body.replyTo !== undefined && !(await repo.comment(id, body.replyTo))) {
        throw UnprocessableError('reply_not_found', 'پیامی که به آن پاسخ می‌دهید در گفت‌وگوی این اقدام نیست.');
      }
      const outcome = await repo.appendFollowUp(
        id,
        stamp(),
        { key, authorId: user.id, kind: 'comment', note, progress: null, letterNumber: null, letterDate: null, files: [], replyToId: body.replyTo ?? null },
        [audited(user, id, 'action.comment', null, { replyTo: body.replyTo ?? null })],
        false,
        await toOtherSide(record, 'comment', user, note),
      );
      return { detail: await service.detail(id, user), replayed: outcome === 'duplicate' };
    },

    /** A named status step (start, request_verification, verify, return, block, resume, cancel, reopen). */
    async transition(id: number, user: AuthUser, body: { version: number; transition: TransitionName; reason?: string; note?: string }) {
      const record = await readable(id, user);
      const actor = actorFor(user, record.action.unitCode);
      // The unit check comes first: another unit's director learns nothing about versions or rules.
      if (!canWrite(actor)) assertWriter(user, record);
      if (TRANSITIONS[body.transition].managerOnly && !isManager(user.role)) throw ForbiddenError('این کار فقط از مدیران ستاد برمی‌آید.');
      assertSessionLive(record);
      await assertFresh(record, body.version);
      const reason = body.reason === undefined ? null : stripBidiControls(body.reason).trim() || null;
      let plan;
      try {
        plan = planTransition({ status: record.action.status, hasEvidence: await repo.hasEvidence(id) }, actor, { transition: body.transition, reason });
      } catch (e) {
        if (e instanceof RuleViolation) throw fromRule(e);
        throw e;
      }
      const now = stamp();
      const audit = audited(user, id, 'action.status', { status: record.action.status, statusReason: record.action.statusReason }, { status: plan.to, statusReason: reason }, body.transition);
      await write(record, body.version, {
        set: {
          status: plan.to,
          statusReason: reason,
          closedAt: plan.to === 'done' || plan.to === 'cancelled' ? now : null,
          ...(plan.to === 'done' ? { progress: 100 } : {}),
        },
        followUp: {
          key: `auto:${randomUUID()}`,
          authorId: user.id,
          kind: plan.followUpKind,
          note: [reason, body.note === undefined ? undefined : stripBidiControls(body.note).trim()].filter(Boolean).join('\n') || null,
          progress: null,
          letterNumber: null,
          letterDate: null,
          files: [],
        },
        audit: [audit],
        notices: await transitionNotices(record, body.transition, user, reason),
      });
      return service.detail(id, user);
    },

    /**
     * Manager-only: reopen a cancelled action with a new deadline, in one write (the rules' reopen and
     * a re-date; audited; the unit is told of the work and its new date). What a restored session's
     * page offers for the actions its withdrawal cancelled, whose old deadlines are stale.
     */
    async reopenWithDeadline(id: number, user: AuthUser, body: { version: number; dueOn: string; reason: string }) {
      if (!isManager(user.role)) throw ForbiddenError('بازگشایی اقدام فقط از مدیران ستاد برمی‌آید.');
      const record = await load(id);
      assertSessionLive(record);
      await assertFresh(record, body.version);
      if (body.dueOn < today()) throw UnprocessableError('due_date_past', 'مهلت تازه پیش از امروز است؛ مهلتی از امروز به بعد بنویسید.');
      const reason = stripBidiControls(body.reason).trim();
      let plan;
      try {
        plan = planTransition({ status: record.action.status, hasEvidence: await repo.hasEvidence(id) }, actorFor(user, record.action.unitCode), {
          transition: 'reopen',
          reason,
        });
      } catch (e) {
        if (e instanceof RuleViolation) throw fromRule(e);
        throw e;
      }
      const a = record.action;
      await write(record, body.version, {
        set: { status: plan.to, statusReason: reason, closedAt: null, dueOn: body.dueOn, cancelledByWithdrawal: null },
        followUp: {
          key: `auto:${randomUUID()}`,
          authorId: user.id,
          kind: plan.followUpKind,
          note: `${reason}\nمهلت تازه: ${jalaliForPeople(body.dueOn)}`,
          progress: null,
          letterNumber: null,
          letterDate: null,
          files: [],
        },
        audit: [
          audited(user, id, 'action.status', { status: a.status, statusReason: a.statusReason }, { status: plan.to, statusReason: reason }, 'reopen'),
          audited(user, id, 'action.redate', { dueOn: a.dueOn }, { dueOn: body.dueOn }, reason),
        ],
        notices: [{ ...toUnit(record, 'assigned', user, `${reason}؛ مهلت تازه: ${jalaliForPeople(body.dueOn)}`), dueOn: body.dueOn }],
      });
      return service.detail(id, user);
    },

    /** Manager-only: re-assign to another unit, re-date, change priority or recipient; audited before/after. */
    async patch(
      id: number,
      user: AuthUser,
      body: { version: number; unitCode?: string; dueOn?: string; priority?: ActionSummary['priority']; recipientCode?: string | null; reason?: string },
    ) {
      if (!isManager(user.role)) throw ForbiddenError('تغییر واحد مسئول یا مهلت فقط از مدیران ستاد برمی‌آید.');
      const record = await load(id);
      assertSessionLive(record);
      await assertFresh(record, body.version);
      const a = record.action;
      const set: ActionChange['set'] = {};
      const audit: AuditEntry[] = [];
      const entry = (event: string, before: unknown, after: unknown) => audited(user, id, event, before, after, body.reason?.trim() || null);
      const wanted = [body.unitCode, body.recipientCode].filter((c): c is string => typeof c === 'string');
      const known = await repo.units(wanted);
      for (const code of wanted) {
        if (!known.has(code)) throw UnprocessableError('unknown_unit', `واحدی با کد «${code}» وجود ندارد.`);
      }
      if (body.unitCode !== undefined && body.unitCode !== a.unitCode) {
        if (known.get(body.unitCode)?.kind === 'group') throw UnprocessableError('group_not_allowed', 'یک اقدام به یک واحد سپرده می‌شود، نه به یک گروه.');
        if (await repo.unitHasAction(a.directiveId, body.unitCode)) {
          throw new AppError(409, 'already_assigned', 'این رهنمود پیش‌تر به آن واحد سپرده شده است.');
        }
        set.unitCode = body.unitCode;
        audit.push(entry('action.reassign', { unitCode: a.unitCode }, { unitCode: body.unitCode }));
      }
      if (body.dueOn !== undefined && body.dueOn !== a.dueOn) {
        assertPlausibleDeadline(body.dueOn, record.session.heldOn, 'مهلت تازه');
        set.dueOn = body.dueOn;
        audit.push(entry('action.redate', { dueOn: a.dueOn }, { dueOn: body.dueOn }));
      }
      if (body.priority !== undefined && body.priority !== a.priority) {
        set.priority = body.priority;
        audit.push(entry('action.priority', { priority: a.priority }, { priority: body.priority }));
      }
      if (body.recipientCode !== undefined && body.recipientCode !== a.recipientCode) {
        set.recipientCode = body.recipientCode;
        audit.push(entry('action.recipient', { recipientCode: a.recipientCode }, { recipientCode: body.recipientCode }));
      }
      const notices: EventNotice[] = [];
      if (set.unitCode) {
        notices.push(toUnit(record, 'reassigned', user, body.reason?.trim() || null, set.unitCode));
        notices.push(toUnit(record, 'reassigned', user, body.reason?.trim() || null));
      }
      if (set.dueOn) notices.push({ ...toUnit(record, 'redated', user, jalaliForPeople(set.dueOn), set.unitCode ?? a.unitCode), dueOn: set.dueOn });
      if (audit.length > 0) await write(record, body.version, { set, audit, notices });
      return service.detail(id, user);
    },

    /** A file of an action `user` may read; otherwise the 404 of a file that never existed. */
    async evidence(fileId: number, user: AuthUser) {
      const row = await repo.evidenceFile(fileId);
      const record = row ? await repo.byId(row.actionId) : undefined;
      if (!row || row.content === null || !record || !mayRead(record, user)) throw NotFoundError('فایل');
      return { ...row.file, content: Buffer.from(row.content) };
    },

    /** Open actions from earlier sessions of the session's series, grouped by directive. */
    async carryOver(slug: string) {
      const session = await repo.sessionBySlug(slug);
      // A draft is answered like a slug that does not exist, as GET /api/sessions/{slug} does.
      if (!session || !isPublicSession(session)) throw NotFoundError('نشست');
      if (!session.series || !session.heldOn) {
        return { session: { slug: session.slug, series: session.series }, directives: [], total: 0, today: today() };
      }
      const items = (await summaries(await repo.list({ series: session.series, heldBefore: session.heldOn, statuses: [...OPEN_STATUSES] }))).sort(byUrgency);
      const groups = new Map<number, { directive: ActionSummary['directive']; session: ActionSummary['session']; link: string; actions: ActionSummary[] }>();
      for (const item of items) {
        const group = groups.get(item.directive.id) ?? { directive: item.directive, session: item.session, link: item.link, actions: [] };
        group.actions.push(item);
        groups.set(item.directive.id, group);
      }
      return {
        session: { slug: session.slug, series: session.series },
        directives: [...groups.values()].map((g) => ({
          ...g,
          counts: { open: g.actions.length, overdue: g.actions.filter((a) => a.dueState === 'overdue').length },
        })),
        total: items.length,
        today: today(),
      };
    },
  };
  return service;
}

export type ActionsService = ReturnType<typeof createActionsService>;

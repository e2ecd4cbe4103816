/**
 * @module A directive's actions as one unit of work (issue 14): a manager selects all of them, some,
 * those without a report, or those awaiting verification, and re-dates, extends, cancels, re-assigns,
 * reminds, verifies or reopens (with a new deadline: those a withdrawal cancelled) them in one step. Each action changes through the same rules as one by one,
 * so each keeps its own audit entry and notification; a version given for an action is checked first
 * (409 names the stale ones and nothing changes).
 */
import type { Clock } from '../clock';
import { AppError, UnprocessableError } from '../errors';
import type { AuthUser } from '../http/app-env';
import { addDays } from '../persian/jalali';
import { jalaliForPeople } from '../persian/jalali';
import type { DirectivesService } from '../directives/directives.service';
import type { ActionRecord, ActionsRepo } from './actions.repo';
import type { BulkOperation, BulkScope } from './actions.schemas';
import type { ActionsService } from './actions.service';
import { OPEN_STATUSES } from './status-rules';

export interface BulkRequest {
  scope: BulkScope;
  /** With scope `selected`: the actions, each optionally with the version the manager read. */
  actions?: Array<{ id: number; version?: number }>;
  operation: BulkOperation;
  dueOn?: string;
  days?: number;
  reason?: string;
  unitCode?: string;
}

export interface BulkOutcome {
  operation: BulkOperation;
  selected: number;
  changed: number[];
  skipped: Array<{ id: number; unitCode: string; code: string; message: string }>;
}

const isOpen = (r: ActionRecord) => OPEN_STATUSES.includes(r.action.status);

export function createBulkActions(repo: ActionsRepo, actions: ActionsService, directives: Pick<DirectivesService, 'changeable' | 'reportedActionIds'>, clock: Clock) {
  /** The actions a scope stands for, in the directive. */
  async function select(directiveId: number, records: ActionRecord[], request: BulkRequest): Promise<ActionRecord[]> {
    if (request.scope === 'all') return records.filter(isOpen);
    if (request.scope === 'awaiting_verification') return records.filter((r) => r.action.status === 'awaiting_verification');
    if (request.scope === 'withdrawal_cancelled') return records.filter((r) => r.action.status === 'cancelled' && r.action.cancelledByWithdrawal !== null);
    if (request.scope === 'no_report') {
      const reported = await directives.reportedActionIds(directiveId);
      return records.filter((r) => isOpen(r) && !reported.has(r.action.id));
    }
    const byId = new Map(records.map((r) => [r.action.id, r]));
    const wanted = request.actions ?? [];
    const foreign = wanted.filter((a) => !byId.has(a.id)).map((a) => a.id);
    if (foreign.length > 0) {
      throw UnprocessableError('not_in_directive', `این اقدام‌ها از این رهنمود نیستند: ${foreign.join('، ')}`, { ids: foreign });
    }
    return wanted.flatMap((a) => byId.get(a.id) ?? []);
  }

  return async function runBulk(directiveId: number, user: AuthUser, request: BulkRequest): Promise<BulkOutcome> {
    const found = await directives.changeable(directiveId);
    const records = await repo.list({ directiveId });
    const chosen = await select(directiveId, records, request);
    if (chosen.length === 0) throw UnprocessableError('bulk_empty', 'هیچ اقدامی با این انتخاب پیدا نشد.');
    if (request.operation === 'reassign' && chosen.length !== 1) {
      throw UnprocessableError('bulk_reassign_one', 'هر اقدام به یک واحد سپرده می‌شود: برای واگذاری به واحد دیگر، یک اقدام را انتخاب کنید.');
    }
    if (((request.operation === 'redate' || request.operation === 'reopen') && !request.dueOn) || (request.operation === 'extend' && !request.days)) {
      throw UnprocessableError('due_date_required', request.operation === 'extend' ? 'چند روز تمدید شود؟' : 'مهلت تازه را وارد کنید.');
    }
    if (request.operation === 'cancel' && !request.reason?.trim()) throw UnprocessableError('reason_required', 'برای لغو، دلیل را بنویسید.');

    // Versions given are checked before anything changes.
    const given = new Map((request.actions ?? []).filter((a) => a.version !== undefined).map((a) => [a.id, a.version]));
    const stale = chosen.filter((r) => given.has(r.action.id) && given.get(r.action.id) !== r.action.version);
    if (stale.length > 0) {
      throw new AppError(409, 'version_conflict', `${stale.length.toLocaleString('fa-IR')} اقدام در این فاصله تغییر کرده است؛ صفحه را تازه کنید و دوباره انتخاب کنید.`, {
        stale: stale.map((r) => ({ id: r.action.id, version: r.action.version, unitCode: r.action.unitCode })),
      });
    }

    const outcome: BulkOutcome = { operation: request.operation, selected: chosen.length, changed: [], skipped: [] };
    for (const record of chosen) {
      const { id, version, unitCode } = record.action;
      const reason = request.reason?.trim() || undefined;
      try {
        switch (request.operation) {
          case 'redate':
          case 'extend': {
            if (!isOpen(record)) throw UnprocessableError('action_closed', 'اقدام بسته است.');
            const base = record.action.dueOn ?? found.directive.dueOn;
            const dueOn = request.operation === 'redate' ? request.dueOn : base ? addDays(base, request.days ?? 0) : undefined;
            if (!dueOn) throw UnprocessableError('due_date_required', 'این اقدام مهلتی ندارد که تمدید شود.');
            await actions.patch(id, user, { version, dueOn, reason });
            break;
          }
          case 'reassign':
            await actions.patch(id, user, { version, unitCode: request.unitCode, reason });
            break;
          case 'cancel':
            await actions.transition(id, user, { version, transition: 'cancel', reason });
            break;
          case 'verify':
            await actions.transition(id, user, { version, transition: 'verify' });
            break;
          case 'reopen':
            // A cancelled action comes back only with a deadline chosen now (its old one is stale).
            await actions.reopenWithDeadline(id, user, { version, dueOn: request.dueOn ?? '', reason: reason ?? 'بازگشایی اقدام با مهلت تازه' });
            break;
          case 'remind': {
            if (!isOpen(record)) throw UnprocessableError('action_closed', 'اقدام بسته است.');
            const due = record.action.dueOn;
            await repo.recordReminder(
              { kind: 'reminder', actionId: id, unitCode, recipientUserId: null, actorId: user.id, detail: reason ?? (due ? `مهلت: ${jalaliForPeople(due)}` : null), dueOn: due },
              { actorId: user.id, event: 'action.remind', entity: 'action', entityId: id, before: null, after: null, detail: reason ?? null, at: clock.now() },
              clock.now().toISOString(),
            );
            break;
          }
        }
        outcome.changed.push(id);
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        outcome.skipped.push({ id, unitCode, code: error.code, message: error.message });
      }
    }
    return outcome;
  };
}

export type BulkActions = ReturnType<typeof createBulkActions>;

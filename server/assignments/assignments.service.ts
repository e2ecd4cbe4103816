/**
 * @module Turning a published directive into actions: publish it (with its due date), assign it to
 * units or groups (a group fans out into one action per member, idempotently), and roll its actions up.
 */
import type { Clock } from '../clock';
import type { ActionsRepo } from '../actions/actions.repo';
import { byUrgency, type ActionsService } from '../actions/actions.service';
import type { Priority } from '../db/schema';
import { NotFoundError, UnprocessableError } from '../errors';
import type { AuthUser } from '../http/app-env';
import { formatJalali } from '../persian/jalali';
import { isPublicDirective } from '../sessions/publication';

export interface AssignInput {
  /** Unit or group codes, e.g. ['all-provinces'] or ['prov-tehran', 'prov-fars']. */
  units: string[];
  /** ISO; defaults to the directive's resolved due date. */
  dueOn?: string;
  /** Defaults to the directive's recipient. */
  recipientCode?: string | null;
  priority?: Priority;
}

export function createAssignmentsService(repo: ActionsRepo, actions: ActionsService, clock: Clock) {
  async function directiveOrFail(id: number) {
    const found = await repo.directive(id);
    if (!found) throw NotFoundError('رهنمود');
    return found;
  }

  function presentDirective(found: NonNullable<Awaited<ReturnType<ActionsRepo['directive']>>>) {
    const { directive: d, session } = found;
    return {
      id: d.id,
      anchor: d.anchor,
      quote: d.quote,
      kind: d.kind,
      status: d.status,
      dueRule: d.dueRule,
      dueOn: d.dueOn,
      dueOnJalali: d.dueOn ? formatJalali(d.dueOn) : null,
      assigneeCode: d.assigneeCode,
      recipientCode: d.recipientCode,
      session: { slug: session.slug, title: session.title, heldOn: session.heldOn, series: session.series },
      link: `/sessions/${encodeURIComponent(session.slug)}#d-${d.anchor}`,
    };
  }

  const service = {
    /** Manager: mark a directive published, optionally fixing its due date. */
    async publish(id: number, user: AuthUser, dueOn?: string) {
      const found = await directiveOrFail(id);
      // A draft import is reviewed and published as a whole, on the import page.
      if (found.session.status === 'draft') {
        throw UnprocessableError('session_draft', 'این رهنمود از یک نشست پیش‌نویس است؛ آن را در صفحه بازبینی نشست منتشر کنید.');
      }
      await repo.publishDirective(id, dueOn ?? null, clock.now().toISOString(), {
        actorId: user.id,
        event: 'directive.publish',
        entity: 'directive',
        entityId: id,
        before: { status: found.directive.status, dueOn: found.directive.dueOn },
        after: { status: 'published', dueOn: dueOn ?? found.directive.dueOn },
        at: clock.now(),
      });
      return presentDirective(await directiveOrFail(id));
    },

    /**
     * Manager: assign to units and groups. Units that already hold an action for this directive
     * keep it (no duplicate); the answer says which were created and which existed.
     */
    async assign(id: number, user: Pick<AuthUser, 'id'>, input: AssignInput) {
      const found = await directiveOrFail(id);
      if (found.directive.status !== 'published') {
        throw UnprocessableError('directive_not_published', 'فقط رهنمود منتشرشده را می‌توان به واحدها سپرد.');
      }
      if (found.directive.kind === 'policy') {
        throw UnprocessableError('policy_not_assignable', 'این رهنمود یک سیاست است، نه اقدامی که واحدی انجام دهد.');
      }
      const { found: unitCodes, missing } = await repo.expandUnits([...new Set(input.units)]);
      if (missing.length > 0) throw UnprocessableError('unknown_unit', `واحدی با کد «${missing.join('، ')}» وجود ندارد.`, { missing });
      if (unitCodes.length === 0) throw UnprocessableError('no_units', 'گروه انتخاب‌شده عضوی ندارد.');
      const dueOn = input.dueOn ?? found.directive.dueOn;
      if (!dueOn) throw UnprocessableError('due_date_required', 'این رهنمود مهلت مشخصی ندارد؛ مهلت را وارد کنید.');
      const recipientCode = input.recipientCode === undefined ? found.directive.recipientCode : input.recipientCode;
      if (recipientCode) {
        const known = await repo.units([recipientCode]);
        if (!known.has(recipientCode)) throw UnprocessableError('unknown_unit', `واحدی با کد «${recipientCode}» وجود ندارد.`);
      }
      const created = await repo.createActions({
        directiveId: id,
        unitCodes,
        dueOn,
        recipientCode,
        priority: input.priority ?? 'normal',
        now: clock.now().toISOString(),
        actorId: user.id,
      });
      const all = await actions.list({ directiveId: id, unitCodes }, 10_000);
      const createdSet = new Set(created);
      return {
        directive: presentDirective(found),
        created: all.items.filter((a) => createdSet.has(a.id)),
        existing: all.items.filter((a) => !createdSet.has(a.id)),
        createdCount: created.length,
        existingCount: all.items.length - created.length,
      };
    },

    /** Per unit: status and progress; counts of done / in progress / overdue (any signed-in user; published directives only). */
    async rollup(id: number) {
      const found = await directiveOrFail(id);
      if (!isPublicDirective(found.directive, found.session)) throw NotFoundError('رهنمود');
      const { items, today } = await actions.list({ directiveId: id }, 10_000);
      const count = (f: (a: (typeof items)[number]) => boolean) => items.filter(f).length;
      return {
        directive: presentDirective(found),
        today,
        counts: {
          total: items.length,
          open: count((a) => a.status === 'open'),
          inProgress: count((a) => a.status === 'in_progress'),
          awaitingVerification: count((a) => a.status === 'awaiting_verification'),
          done: count((a) => a.status === 'done'),
          blocked: count((a) => a.status === 'blocked'),
          cancelled: count((a) => a.status === 'cancelled'),
          overdue: count((a) => a.dueState === 'overdue'),
        },
        units: items.sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'fa') || byUrgency(a, b)),
        reported: [...(await repo.reportedActionIds(id))],
      };
    },
  };
  return service;
}

export type AssignmentsService = ReturnType<typeof createAssignmentsService>;

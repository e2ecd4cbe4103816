/**
 * @module The directive record's steps after review: publish a reviewed draft (its confirmed
 * directives, the session visible and searchable, the confirmed units assigned), publish one
 * directive (with its due date), assign it to units or groups (a group fans out into one action per
 * member, idempotently), and roll its actions up. Only published directives of published sessions
 * are read here by anyone but the managers who publish them.
 */
import type { Clock } from '../clock';
import { byUrgency, type ActionsService } from '../actions/actions.service';
import type { Priority } from '../db/schema';
import { assertPlausibleDeadline } from '../dates/plausible-dates';
import { AppError, NotFoundError, UnprocessableError } from '../errors';
import type { AuthUser } from '../http/app-env';
import type { PublishResult } from '../imports/imports.schemas';
import type { SessionIndexer } from '../ingest/ingest';
import { isPublicDirective, isReadableDirective } from '../sessions/publication';
import type { UnitsRepo } from '../units/units.repo';
import { awaitsReview, presentTrackedDirective, reviewOf } from './directives.presenter';
import type { DirectivesRepo } from './directives.repo';

export interface AssignInput {
  /** Unit or group codes, e.g. ['all-provinces'] or ['prov-tehran', 'prov-fars']. */
  units: string[];
  /** ISO; defaults to the directive's resolved due date. */
  dueOn?: string;
  /** Defaults to the directive's recipient. */
  recipientCode?: string | null;
  priority?: Priority;
}

export interface DirectivesDeps {
  repo: DirectivesRepo;
  units: UnitsRepo;
  actions: ActionsService;
  clock: Clock;
  /** Takes a published session into search at once (optional: the API works without search). */
  indexer?: SessionIndexer;
}

/** A manager's write to a directive of a withdrawn session: it is read-only until the session is restored. */
export const SessionWithdrawnError = () =>
  new AppError(409, 'session_withdrawn', 'نشست این رهنمود پس گرفته شده است و رهنمودش فقط خواندنی است؛ برای تغییر، نخست نشست را بازگردانید.');

/** The draft session being published (found and checked by the import review). */
export interface DraftSession {
  id: number;
  slug: string;
}

/**
 * Create the directives service.
 *
 * @example
 * const directives = createDirectivesService({ repo: createDirectivesRepo(database), units: createUnitsRepo(db), actions, clock });
 * await directives.assign(7, manager, { units: ['all-provinces'] }); // one action per province
 */
export function createDirectivesService(deps: DirectivesDeps) {
  const { repo, actions, clock } = deps;
  async function directiveOrFail(id: number) {
    const found = await repo.byId(id);
    if (!found) throw NotFoundError('رهنمود');
    return found;
  }

  const service = {
    /** A published directive of a published session with its session; anything else is not found. */
    async published(id: number) {
      const found = await repo.byId(id);
      if (!found || !isPublicDirective(found.directive, found.session)) throw NotFoundError('رهنمود');
      return found;
    },

    /**
     * What `viewer` may read: a published directive of a published session, and for managers and
     * admins also of a withdrawn one; anyone else gets the same 404 as for an id that never existed.
     */
    async readable(id: number, viewer: Pick<AuthUser, 'role'>) {
      const found = await repo.byId(id);
      if (!found || !isReadableDirective(found.directive, found.session, viewer.role)) throw NotFoundError('رهنمود');
      return found;
    },

    /** A published directive a manager changes (its actions in bulk): 404 as for everyone, 409 once its session is withdrawn. */
    async changeable(id: number) {
      const found = await repo.byId(id);
      if (found?.session.status === 'withdrawn' && found.directive.status === 'published') throw SessionWithdrawnError();
      return service.published(id);
    },

    /** Publish the draft: confirmed directives become published, the session visible and searchable. */
    async publishDraft(session: DraftSession, options: { rejectUnreviewed?: boolean }, actor: Pick<AuthUser, 'id'>): Promise<PublishResult> {
      const { slug } = session;
      const rows = await repo.ofSession(session.id);
      const pending = rows.filter(awaitsReview);
      if (pending.length > 0 && !options.rejectUnreviewed) {
        throw UnprocessableError('unreviewed_directives', `${pending.length.toLocaleString('fa-IR')} رهنمود پیشنهادی هنوز بررسی نشده است؛ هر یک را تأیید یا رد کنید.`, {
          ids: pending.map((d) => d.id),
        });
      }
      const confirmed = rows.filter((d) => reviewOf(d) === 'confirmed');
      const rejected = rows.filter((d) => reviewOf(d) === 'rejected').length + pending.length;
      const now = clock.now().toISOString();
      await repo.publishDraft(session.id, now, {
        actorId: actor.id,
        event: 'import.publish',
        entity: 'session',
        entityId: session.id,
        before: { status: 'draft' },
        after: { status: 'published', published: confirmed.map((d) => d.id), rejected },
        at: new Date(now),
      });
      // After the write: a search failure must not undo a publication (the index can be rebuilt).
      if (deps.indexer) {
        try {
          await deps.indexer.indexSessions([session.id]);
        } catch (error) {
          console.error('imports: indexing the published session failed', error);
        }
      }
      // The unit confirmed on each suggestion gets its action now: choosing it in review was the assignment.
      const assigned: PublishResult['assigned'] = [];
      const notAssigned: PublishResult['notAssigned'] = [];
      for (const d of confirmed) {
        if (!d.assigneeCode) continue;
        if (d.kind === 'policy') {
          notAssigned.push({ directiveId: d.id, unitCode: d.assigneeCode, reason: 'سیاست است، نه اقدام؛ به واحدی سپرده نشد.' });
          continue;
        }
        if (!d.dueOn) {
          notAssigned.push({ directiveId: d.id, unitCode: d.assigneeCode, reason: 'مهلت ندارد؛ در صفحهٔ رهنمود با مهلت واگذار کنید.' });
          continue;
        }
        const result = await service.assign(d.id, actor, { units: [d.assigneeCode], recipientCode: d.recipientCode });
        assigned.push({ directiveId: d.id, unitCode: d.assigneeCode, actions: result.createdCount });
      }
      return { slug, published: confirmed.length, rejected, link: `/sessions/${slug}`, assigned, notAssigned };
    },

    /** Actions of a directive whose unit has posted a report (a progress update or a request). */
    reportedActionIds(id: number): Promise<Set<number>> {
      return repo.reportedActionIds(id);
    },

    /** Manager: mark a directive published, optionally fixing its due date. */
    async publish(id: number, user: AuthUser, dueOn?: string) {
      const found = await directiveOrFail(id);
      // A draft import is reviewed and published as a whole, on the import page.
      if (found.session.status === 'draft') {
        throw UnprocessableError('session_draft', 'این رهنمود از یک نشست پیش‌نویس است؛ آن را در صفحه بازبینی نشست منتشر کنید.');
      }
      if (found.session.status === 'withdrawn') throw SessionWithdrawnError();
      if (dueOn) assertPlausibleDeadline(dueOn, found.session.heldOn);
      await repo.publish(id, dueOn ?? null, clock.now().toISOString(), {
        actorId: user.id,
        event: 'directive.publish',
        entity: 'directive',
        entityId: id,
        before: { status: found.directive.status, dueOn: found.directive.dueOn },
        after: { status: 'published', dueOn: dueOn ?? found.directive.dueOn },
        at: clock.now(),
      });
      return presentTrackedDirective(await directiveOrFail(id));
    },

    /**
     * Manager: assign to units and groups. Units that already hold an action for this directive
     * keep it (no duplicate); the answer says which were created and which existed.
     */
    async assign(id: number, user: Pick<AuthUser, 'id'>, input: AssignInput) {
      const found = await directiveOrFail(id);
      if (found.session.status === 'withdrawn') throw SessionWithdrawnError();
      if (found.directive.status !== 'published') {
        throw UnprocessableError('directive_not_published', 'فقط رهنمود منتشرشده را می‌توان به واحدها سپرد.');
      }
      if (found.directive.kind === 'policy') {
        throw UnprocessableError('policy_not_assignable', 'این رهنمود یک سیاست است، نه اقدامی که واحدی انجام دهد.');
      }
      const { found: unitCodes, missing } = await deps.units.expandUnits([...new Set(input.units)]);
      if (missing.length > 0) throw UnprocessableError('unknown_unit', `واحدی با کد «${missing.join('، ')}» وجود ندارد.`, { missing });
      if (unitCodes.length === 0) throw UnprocessableError('no_units', 'گروه انتخاب‌شده عضوی ندارد.');
      const dueOn = input.dueOn ?? found.directive.dueOn;
      if (!dueOn) throw UnprocessableError('due_date_required', 'این رهنمود مهلت مشخصی ندارد؛ مهلت را وارد کنید.');
      if (input.dueOn) assertPlausibleDeadline(input.dueOn, found.session.heldOn);
      const recipientCode = input.recipientCode === undefined ? found.directive.recipientCode : input.recipientCode;
      if (recipientCode) {
        const known = await deps.units.units([recipientCode]);
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
      if (created === null) throw SessionWithdrawnError();
      const all = await actions.list({ directiveId: id, unitCodes }, 10_000);
      const createdSet = new Set(created);
      return {
        directive: presentTrackedDirective(found),
        created: all.items.filter((a) => createdSet.has(a.id)),
        existing: all.items.filter((a) => !createdSet.has(a.id)),
        createdCount: created.length,
        existingCount: all.items.length - created.length,
      };
    },

    /**
     * Per unit: status and progress; counts of done / in progress / overdue (any signed-in user;
     * published directives only, and for managers those of a withdrawn session, read-only).
     */
    async rollup(id: number, viewer: Pick<AuthUser, 'role'>) {
      const found = await service.readable(id, viewer);
      const { items, today } = await actions.list({ directiveId: id }, 10_000);
      const count = (f: (a: (typeof items)[number]) => boolean) => items.filter(f).length;
      return {
        directive: presentTrackedDirective(found),
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
        withdrawalCancelled: await repo.withdrawalCancelledIds(id),
      };
    },
  };
  return service;
}

export type DirectivesService = ReturnType<typeof createDirectivesService>;

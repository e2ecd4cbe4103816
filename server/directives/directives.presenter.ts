/**
 * @module One presenter for directives: a stored directive as each view shows it — a suggestion
 * under review (imports), a published directive on its session page, the tracked directive of the
 * assign and roll-up answers, and the excerpt every action carries. Also what a row's review state
 * and origin are, which publishing reads too.
 */
import { describeCue, REVIEW_CUES } from '../detection/cue-description';
import type { ActionSummary } from '../actions/actions.schemas';
import type { DirectiveStatus } from '../db/schema';
import type { ReviewState, Suggestion } from '../imports/imports.schemas';
import { formatJalali } from '../persian/jalali';
import type { DirectiveDto } from '../sessions/sessions.schemas';
import { presentKnownUnit, presentUnitRef, type UnitLike } from '../units/units.presenter';
import type { DirectiveRow, DirectiveWithSession } from './directives.repo';
import type { TrackedDirective } from './directives.schemas';

/**
 * Where a directive stands in review: rejected, confirmed (or already published), or pending.
 *
 * @example
 * reviewOf({ status: 'draft', confirmedAt: null }) // 'pending'
 */
export function reviewOf(row: { status: DirectiveStatus; confirmedAt: string | null }): ReviewState {
  if (row.status === 'rejected') return 'rejected';
  if (row.status === 'published' || row.confirmedAt !== null) return 'confirmed';
  return 'pending';
}

/** Who put the directive on the draft: the detector, the detector under its threshold, or a reviewer. */
export function originOf(row: { cues: string[] }): Suggestion['origin'] {
  if (row.cues.includes(REVIEW_CUES.reviewerMarked.id)) return 'added';
  return row.cues.includes(REVIEW_CUES.candidate.id) ? 'candidate' : 'suggested';
}

/** A suggestion still waiting for a decision; candidates under the threshold never hold up publishing. */
export function awaitsReview(row: DirectiveRow): boolean {
  return reviewOf(row) === 'pending' && originOf(row) !== 'candidate';
}

/** A directive of a draft under review, with why it was suggested. */
export function presentSuggestion(row: DirectiveRow, units: ReadonlyMap<string, UnitLike>): Suggestion {
  return {
    id: row.id,
    version: row.version,
    anchor: row.anchor,
    quote: row.quote,
    start: row.start,
    end: row.end,
    speaker: row.speaker,
    kind: row.kind,
    assignee: presentUnitRef(units, row.assigneeCode),
    recipient: presentUnitRef(units, row.recipientCode),
    due: row.dueOn,
    dueRule: row.dueRule,
    refs: row.refs,
    cues: row.cues.map(describeCue),
    review: reviewOf(row),
    origin: originOf(row),
  };
}

/** A published directive on its session's page (units the catalogue does not hold are left out). */
export function presentDirective(row: DirectiveRow, units: ReadonlyMap<string, UnitLike>): DirectiveDto {
  return {
    id: row.id,
    anchor: row.anchor,
    quote: row.quote,
    start: row.start,
    end: row.end,
    speaker: row.speaker,
    kind: row.kind,
    refs: row.refs,
    assignee: presentKnownUnit(units, row.assigneeCode),
    recipient: presentKnownUnit(units, row.recipientCode),
    dueRule: row.dueRule,
    dueOn: row.dueOn,
    status: row.status,
  };
}

/** The directive a publish, an assignment or a roll-up is about, with its session and link. */
export function presentTrackedDirective(found: DirectiveWithSession): TrackedDirective {
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
    session: {
      slug: session.slug,
      title: session.title,
      heldOn: session.heldOn,
      series: session.series,
      status: session.status,
      withdrawal: session.status === 'withdrawn' ? { at: session.withdrawnAt ?? '', reason: session.withdrawnReason ?? '' } : null,
    },
    link: `/sessions/${encodeURIComponent(session.slug)}#d-${d.anchor}`,
  };
}

/** What an action shows of its directive. */
export function presentDirectiveExcerpt(directive: DirectiveRow): ActionSummary['directive'] {
  return {
    id: directive.id,
    anchor: directive.anchor,
    quote: directive.quote,
    kind: directive.kind,
    dueRule: directive.dueRule,
    speaker: directive.speaker,
    refs: directive.refs,
  };
}

/**
 * @module Which status changes of an action item are allowed, to whom, and what they require.
 * Pure: knows nothing of HTTP or the database; the service turns a RuleViolation into a 403/422.
 */
import type { ActionStatus, FollowUpKind, Role } from '../domain';
import type { ErrorCode } from '../errors';

/** A named step a person can take on an action. */
export const transitionNames = ['start', 'request_verification', 'verify', 'return', 'block', 'resume', 'cancel', 'reopen'] as const;
export type TransitionName = (typeof transitionNames)[number];

/** Who is acting, relative to the action. */
export interface Actor {
  role: Role;
  /** Whether the action belongs to the actor's own unit. */
  ownUnit: boolean;
}

export interface TransitionRule {
  from: readonly ActionStatus[];
  to: ActionStatus;
  /** Managers (and admins) only; otherwise also the director of the action's unit. */
  managerOnly: boolean;
  reasonRequired: boolean;
  /** The action must have evidence (a letter or a file) on record. */
  evidenceRequired: boolean;
  /** What the timeline records. */
  followUpKind: FollowUpKind;
}

const OPEN_STATES = ['open', 'in_progress', 'awaiting_verification', 'blocked'] as const;

export const TRANSITIONS: Record<TransitionName, TransitionRule> = {
  start: { from: ['open'], to: 'in_progress', managerOnly: false, reasonRequired: false, evidenceRequired: false, followUpKind: 'progress' },
  request_verification: {
    from: ['open', 'in_progress'],
    to: 'awaiting_verification',
    managerOnly: false,
    reasonRequired: false,
    evidenceRequired: true,
    followUpKind: 'request_verification',
  },
  verify: { from: ['awaiting_verification'], to: 'done', managerOnly: true, reasonRequired: false, evidenceRequired: true, followUpKind: 'verified' },
  return: { from: ['awaiting_verification'], to: 'in_progress', managerOnly: true, reasonRequired: true, evidenceRequired: false, followUpKind: 'returned' },
  block: { from: ['open', 'in_progress', 'awaiting_verification'], to: 'blocked', managerOnly: false, reasonRequired: true, evidenceRequired: false, followUpKind: 'blocked' },
  resume: { from: ['blocked'], to: 'in_progress', managerOnly: false, reasonRequired: false, evidenceRequired: false, followUpKind: 'reopened' },
  cancel: { from: OPEN_STATES, to: 'cancelled', managerOnly: true, reasonRequired: true, evidenceRequired: false, followUpKind: 'cancelled' },
  reopen: { from: ['done', 'cancelled'], to: 'in_progress', managerOnly: true, reasonRequired: true, evidenceRequired: false, followUpKind: 'reopened' },
};

/** Persian names of the statuses, for messages (the web app has its own copy for display). */
export const STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'باز',
  in_progress: 'در حال انجام',
  awaiting_verification: 'در انتظار تأیید',
  done: 'انجام‌شده',
  blocked: 'متوقف',
  cancelled: 'لغوشده',
};

/** A refused step: `status` 403 (not yours / not your role) or 422 (not possible now). */
export class RuleViolation extends Error {
  constructor(
    readonly status: 403 | 422,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RuleViolation';
  }
}

export function isManager(role: Role): boolean {
  return role === 'manager' || role === 'admin';
}

/** May this actor write to the action at all (post a follow-up, take a non-manager step)? */
export function canWrite(actor: Actor): boolean {
  return isManager(actor.role) || (actor.role === 'director' && actor.ownUnit);
}

export interface TransitionRequest {
  transition: TransitionName;
  reason?: string | null;
}

export interface ActionState {
  status: ActionStatus;
  hasEvidence: boolean;
}

/**
 * Check a step against the rules; returns the new status or throws a RuleViolation.
 *
 * @example
 * planTransition({ status: 'awaiting_verification', hasEvidence: true }, { role: 'manager', ownUnit: false }, { transition: 'verify' })
 * // → { to: 'done', followUpKind: 'verified' }
 */
export function planTransition(state: ActionState, actor: Actor, request: TransitionRequest): { to: ActionStatus; followUpKind: FollowUpKind } {
  const rule = TRANSITIONS[request.transition];
  if (rule.managerOnly && !isManager(actor.role)) {
    throw new RuleViolation(403, 'manager_only', 'این کار فقط از مدیران ستاد برمی‌آید.');
  }
  if (!canWrite(actor)) {
    throw new RuleViolation(403, 'not_your_unit', 'این اقدام به واحد شما سپرده نشده است.');
  }
  if (!rule.from.includes(state.status)) {
    throw new RuleViolation(
      422,
      'illegal_transition',
      `اقدامی با وضعیت «${STATUS_LABELS[state.status]}» را نمی‌توان به «${STATUS_LABELS[rule.to]}» برد.`,
    );
  }
  if (rule.reasonRequired && !(request.reason ?? '').trim()) {
    throw new RuleViolation(422, 'reason_required', 'برای این تغییر وضعیت، دلیل را بنویسید.');
  }
  if (rule.evidenceRequired && !state.hasEvidence) {
    throw new RuleViolation(422, 'evidence_required', 'بستن اقدام بدون مستند ممکن نیست: شماره و تاریخ نامه یا فایل پیوست را ثبت کنید.');
  }
  return { to: rule.to, followUpKind: rule.followUpKind };
}

/**
 * Status after a progress update: an open action starts; others stay as they are.
 * Closed actions take no more updates.
 *
 * @example
 * statusAfterProgress('open') // 'in_progress'
 */
export function statusAfterProgress(status: ActionStatus): ActionStatus {
  if (status === 'done' || status === 'cancelled') {
    throw new RuleViolation(422, 'action_closed', `این اقدام «${STATUS_LABELS[status]}» است و گزارش تازه نمی‌پذیرد.`);
  }
  return status === 'open' ? 'in_progress' : status;
}

/**
 * Steps the actor may take now (for the web app's buttons); evidence and reason checks aside.
 *
 * @example
 * allowedTransitions('open', { role: 'director', ownUnit: true }) // ['start', 'request_verification', 'block']
 */
export function allowedTransitions(status: ActionStatus, actor: Actor): TransitionName[] {
  return transitionNames.filter((name) => {
    const rule = TRANSITIONS[name];
    if (rule.managerOnly && !isManager(actor.role)) return false;
    return canWrite(actor) && rule.from.includes(status);
  });
}

/** Statuses that still need work (not done, not cancelled). */
export const OPEN_STATUSES: readonly ActionStatus[] = OPEN_STATES;

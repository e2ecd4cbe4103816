import { describe, expect, it } from 'vitest';
import { allowedTransitions, planTransition, RuleViolation, statusAfterProgress, type Actor } from './status-rules';

const ownDirector: Actor = { role: 'director', ownUnit: true };
const otherDirector: Actor = { role: 'director', ownUnit: false };
const manager: Actor = { role: 'manager', ownUnit: false };
const staff: Actor = { role: 'staff', ownUnit: true };

function violation(fn: () => unknown): RuleViolation {
  try {
    fn();
  } catch (e) {
    if (e instanceof RuleViolation) return e;
    throw e;
  }
  throw new Error('expected a RuleViolation');
}

describe('planTransition', () => {
  it('lets a director take their own action up to awaiting verification once evidence exists', () => {
    expect(planTransition({ status: 'open', hasEvidence: false }, ownDirector, { transition: 'start' }).to).toBe('in_progress');
    expect(planTransition({ status: 'in_progress', hasEvidence: true }, ownDirector, { transition: 'request_verification' }).to).toBe(
      'awaiting_verification',
    );
  });

  it('refuses a request to close without evidence, with a stable code and a Persian message', () => {
    const v = violation(() => planTransition({ status: 'in_progress', hasEvidence: false }, ownDirector, { transition: 'request_verification' }));
    expect(v.status).toBe(422);
    expect(v.code).toBe('evidence_required');
    expect(v.message).toMatch(/مستند/);
  });

  it('keeps verification and return to managers', () => {
    const v = violation(() => planTransition({ status: 'awaiting_verification', hasEvidence: true }, ownDirector, { transition: 'verify' }));
    expect([v.status, v.code]).toEqual([403, 'manager_only']);
    expect(planTransition({ status: 'awaiting_verification', hasEvidence: true }, manager, { transition: 'verify' }).to).toBe('done');
  });

  it('requires a reason to return, block or cancel', () => {
    for (const [status, transition, actor] of [
      ['awaiting_verification', 'return', manager],
      ['in_progress', 'block', ownDirector],
      ['open', 'cancel', manager],
    ] as const) {
      expect(violation(() => planTransition({ status, hasEvidence: true }, actor, { transition, reason: '  ' })).code).toBe('reason_required');
    }
    expect(planTransition({ status: 'awaiting_verification', hasEvidence: true }, manager, { transition: 'return', reason: 'نامه پیوست نیست' }).to).toBe(
      'in_progress',
    );
  });

  it('refuses another unit’s director and staff with 403', () => {
    expect(violation(() => planTransition({ status: 'open', hasEvidence: false }, otherDirector, { transition: 'start' })).status).toBe(403);
    expect(violation(() => planTransition({ status: 'open', hasEvidence: false }, staff, { transition: 'start' })).code).toBe('not_your_unit');
  });

  it('refuses illegal transitions, naming both statuses in Persian', () => {
    const v = violation(() => planTransition({ status: 'done', hasEvidence: true }, manager, { transition: 'verify' }));
    expect(v.code).toBe('illegal_transition');
    expect(v.message).toContain('انجام‌شده');
    expect(violation(() => planTransition({ status: 'open', hasEvidence: true }, manager, { transition: 'return', reason: 'x' })).code).toBe(
      'illegal_transition',
    );
    expect(violation(() => planTransition({ status: 'cancelled', hasEvidence: true }, ownDirector, { transition: 'resume' })).code).toBe(
      'illegal_transition',
    );
  });
});

describe('statusAfterProgress', () => {
  it('starts an open action and leaves others alone', () => {
    expect(statusAfterProgress('open')).toBe('in_progress');
    expect(statusAfterProgress('blocked')).toBe('blocked');
  });
  it('refuses updates on closed actions', () => {
    expect(violation(() => statusAfterProgress('done')).code).toBe('action_closed');
  });
});

describe('allowedTransitions', () => {
  it('offers a director only the steps of their own unit', () => {
    expect(allowedTransitions('in_progress', ownDirector)).toEqual(['request_verification', 'block']);
    expect(allowedTransitions('in_progress', otherDirector)).toEqual([]);
    expect(allowedTransitions('awaiting_verification', manager)).toEqual(['verify', 'return', 'block', 'cancel']);
  });
});

/** @module Managers re-date an action or change its priority, with a reason, recorded in the audit trail. */
import { createMemo, on } from 'solid-js';
import type { ActionDetail } from '../../api/action-types';
import { changeAction } from '../../api/actions';
import { FormError } from '../../components/form-error';
import { PrioritySelect } from '../../components/priority-select';
import { PRIORITY_LABELS } from '../../lib/action-labels';
import { formatJalaliDate } from '../../lib/jalali-date';
import { jalaliInputValue } from '../../lib/jalali-datetime';
import { readTypedDate } from '../../lib/typed-numbers';
import type { VersionedGuard } from '../../lib/use-versioned-write';
import { refuse, useWrite, writeAction } from '../../lib/write-action';

/** A new due date or priority read from the form; the result is what the form says after it ('' when the server refused a stale version). */
const rescheduleWrite = writeAction('action-reschedule', async (guard: VersionedGuard, action: ActionDetail, form: FormData) => {
  const typedDue = String(form.get('dueOn') ?? '').trim();
  const priority = String(form.get('priority') ?? '');
  const reason = String(form.get('reason') ?? '').trim();
  const changes: { dueOn?: string; priority?: string } = {};
  const dueOn = readTypedDate(typedDue, 'مهلت تازه');
  if (!dueOn.ok) refuse(dueOn.error);
  if (dueOn.value && typedDue !== jalaliInputValue(action.dueOnJalali)) changes.dueOn = dueOn.value;
  if (priority && priority !== action.priority) changes.priority = priority;
  if (!changes.dueOn && !changes.priority) return 'چیزی تغییر نکرده است.';
  const result = await guard(() => changeAction(action.id, { version: action.version, ...changes, reason: reason || undefined }));
  return result ? `ثبت شد. مهلت: ${result.dueOn ? formatJalaliDate(result.dueOn) : 'ندارد'}، اولویت: ${PRIORITY_LABELS[result.priority]}.` : '';
});

/** Managers: a new due date (Jalali) or priority, with a reason, recorded in the audit trail. */
export function RescheduleForm(props: { action: ActionDetail; guard: VersionedGuard }) {
  const reschedule = useWrite(rescheduleWrite);
  // The fields start from the action once: a refresh of it (after another manager's change, a 409)
  // must not write over what this manager typed, which the conflict notice says stays in the form.
  // (The id as a memo: a refreshed action is a new object with the same id, which must not count as another action.)
  const actionId = createMemo(() => props.action.id);
  const initialDue = createMemo(on(actionId, () => jalaliInputValue(props.action.dueOnJalali)));
  const initialPriority = createMemo(on(actionId, () => props.action.priority));
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    // A second submit before the first answers would be a stale write (409) or a second copy.
    if (!(event.currentTarget instanceof HTMLFormElement) || reschedule.submission.pending === true) return;
    void reschedule.send(props.guard, props.action, new FormData(event.currentTarget));
  };
  return (
    <details class="panel">
      <summary>
        <h2 class="summary-heading">تغییر مهلت یا اولویت</h2>
      </summary>
      <form class="stacked-form" onSubmit={submit}>
        <div class="form-grid">
          <div class="field">
            <label for="reschedule-due">مهلت تازه (شمسی)</label>
            <input id="reschedule-due" name="dueOn" inputmode="numeric" value={initialDue()} />
          </div>
          <div class="field">
            <label for="reschedule-priority">اولویت</label>
            <PrioritySelect id="reschedule-priority" selected={initialPriority()} />
          </div>
        </div>
        <label for="reschedule-reason">دلیل تغییر</label>
        <input id="reschedule-reason" name="reason" maxlength="2000" />
        <FormError error={reschedule.submission.error} />
        <p class="form-status" role="status">
          {reschedule.submission.result ?? ''}
        </p>
        <button type="submit" class="button button-quiet" disabled={reschedule.submission.pending === true}>
          ثبت تغییر
        </button>
      </form>
    </details>
  );
}

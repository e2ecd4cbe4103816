/** @module The notice shown on the action page after a 409: the action as it is now; the form keeps what the user typed. */
import { Show } from 'solid-js';
import type { ActionSummary } from '../../api/action-types';
import { STATUS_LABELS } from '../../lib/action-labels';
import { formatJalaliDate } from '../../lib/jalali-date';
import { toPersianDigits } from '../../lib/persian-digits';

export function ConflictNotice(props: { current: ActionSummary; onDismiss: () => void }) {
  return (
    // Brought into view: on a phone the form that was sent is screens below the notice.
    <div class="conflict-notice" role="alert" ref={(el) => requestAnimationFrame(() => el.scrollIntoView({ block: 'nearest' }))}>
      <p class="state-title">این اقدام در این فاصله تغییر کرده است و کار شما ثبت نشد.</p>
      <p>
        وضعیت اکنون: <strong>{STATUS_LABELS[props.current.status]}</strong>، پیشرفت {toPersianDigits(props.current.progress)}٪
        <Show when={props.current.statusReason}>{(reason) => <> (دلیل: {reason()})</>}</Show>
        <Show when={props.current.dueOn}>{(due) => <>، مهلت اکنون: {formatJalaliDate(due())}</>}</Show>. صفحه با وضعیت تازه به‌روز شد؛ آنچه
        نوشته بودید در فرم مانده است. بازبینی کنید و اگر هنوز لازم است دوباره بفرستید.
      </p>
      <button type="button" class="button button-quiet" onClick={() => props.onDismiss()}>
        دیدم
      </button>
    </div>
  );
}

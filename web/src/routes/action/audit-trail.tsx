/** @module Who changed what on an action, when, from what to what. */
import { For } from 'solid-js';
import type { ActionDetail } from '../../api/action-types';
import { auditChanges, auditEventLabel } from '../../lib/audit-text';
import { formatJalaliDateTime } from '../../lib/jalali-datetime';
import { toPersianDigits } from '../../lib/persian-digits';

export function AuditTrail(props: { action: ActionDetail; unitName: (code: string) => string }) {
  const entries = () => [...props.action.audit].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  return (
    <details class="panel audit-trail">
      <summary>
        <h2 class="summary-heading">سابقهٔ تغییرها ({toPersianDigits(props.action.audit.length)})</h2>
      </summary>
      <div class="table-scroll">
        <table class="data-table audit-table">
          <caption class="visually-hidden">چه کسی، کی، چه چیزی را از چه به چه تغییر داد</caption>
          <thead>
            <tr>
              <th scope="col">زمان</th>
              <th scope="col">کاربر</th>
              <th scope="col">رویداد</th>
              <th scope="col">پیش ← پس</th>
            </tr>
          </thead>
          <tbody>
            <For each={entries()}>
              {(entry) => (
                <tr>
                  <td data-label="زمان">
                    <time datetime={entry.at}>{formatJalaliDateTime(entry.at)}</time>
                  </td>
                  <td data-label="کاربر">{entry.actor?.displayName ?? 'سامانه'}</td>
                  <td data-label="رویداد">{auditEventLabel(entry)}</td>
                  <td data-label="پیش ← پس">
                    <ul class="change-list">
                      <For each={auditChanges(entry, props.unitName)} fallback={<li>—</li>}>
                        {(change) => (
                          <li>
                            {change.field}: {change.before ?? '—'} ← {change.after ?? '—'}
                          </li>
                        )}
                      </For>
                    </ul>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </details>
  );
}

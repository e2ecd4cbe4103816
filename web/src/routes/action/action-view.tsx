/** @module One action laid out: its header (quote, facts), the conflict notice, the panels the user may use, the timeline and the audit trail. */
import { createMemo, Show } from 'solid-js';
import { A, createAsync, revalidate } from '@solidjs/router';
import type { ActionDetail } from '../../api/action-types';
import { getAction } from '../../api/actions';
import { getMe } from '../../api/auth';
import { isManagerRole } from '../../components/actions-nav';
import { getUnits } from '../../api/reports';
import { DueBadge, PriorityBadge, ProgressMeter, StatusBadge } from '../../components/action-badges';
import { usePageTitle } from '../../components/page-title';
import { STATUS_LABELS } from '../../lib/action-labels';
import { formatJalaliDateWithWeekday } from '../../lib/jalali-date';
import { formatJalaliDateTime } from '../../lib/jalali-datetime';
import { excerpt } from '../../lib/excerpt';
import { useVersionedWrite } from '../../lib/use-versioned-write';
import { AuditTrail } from './audit-trail';
import { ConflictNotice } from './conflict-notice';
import { RescheduleForm } from './reschedule-form';
import { Timeline } from './timeline';
import { TransitionPanel } from './transition-panel';
import { UpdateForm } from './update-form';

export function ActionView(props: { action: ActionDetail }) {
  // Headed with the task (the directive's words), not the unit: a director's units are all the same.
  const task = () => excerpt(props.action.directive.quote, 14);
  usePageTitle(() => task());
  const units = createAsync(() => getUnits().catch(() => undefined));
  const me = createAsync(() => getMe());
  // A withdrawn session and its directive page open for managers only: no links that would lead others to «پیدا نشد».
  const linksToSession = () => !props.action.session.withdrawn || isManagerRole(me()?.role);
  const unitName = createMemo(() => {
    const names = new Map((units()?.items ?? []).map((u) => [u.code, u.name]));
    return (code: string) => names.get(code) ?? code;
  });
  // Every write goes through the guard: a 409 becomes the conflict notice (and the page fetches the
  // action as it is now, so the next send uses its version); anything else is the caller's to show.
  const { conflict, dismiss, guard } = useVersionedWrite(() => revalidate(getAction.key));

  return (
    <article aria-labelledby="action-title">
      <header class="page-header">
        <p class="eyebrow">
          <StatusBadge status={props.action.status} />
          <DueBadge state={props.action.dueState} daysLeft={props.action.daysLeft} />
          <PriorityBadge priority={props.action.priority} />
        </p>
        <h1 id="action-title" class="action-task">{task()}</h1>
        <figure class="directive-quote">
          <blockquote>
            <p>{props.action.directive.quote}</p>
          </blockquote>
          <figcaption>
            <Show when={props.action.directive.speaker}>{(speaker) => <span>{speaker()} · </span>}</Show>
            <Show when={linksToSession()} fallback={<span>از نشست «{props.action.session.title}»</span>}>
              <A href={props.action.link}>دیدن این رهنمود در متن نشست «{props.action.session.title}»</A>
              {' · '}
              <A href={`/directives/${props.action.directive.id}`}>وضعیت همهٔ واحدها</A>
            </Show>
          </figcaption>
        </figure>
        <Show when={props.action.session.withdrawn}>
          <p class="withdrawn-notice" role="note">
            <strong class="badge badge-withdrawn">پس‌گرفته‌شده</strong> نشست این اقدام پس گرفته شده است؛ اقدام فقط خواندنی است و گزارش یا پیامی نمی‌پذیرد.
          </p>
        </Show>
        <dl class="action-facts">
          <div>
            <dt>واحد</dt>
            <dd>{props.action.unit.name}</dd>
          </div>
          <div>
            <dt>وضعیت</dt>
            <dd>
              {STATUS_LABELS[props.action.status]}
              <Show when={props.action.statusReason}>{(reason) => <span class="status-reason"> (دلیل: {reason()})</span>}</Show>
            </dd>
          </div>
          <div>
            <dt>مهلت</dt>
            <dd>
              <Show when={props.action.dueOn} fallback="تعیین نشده">
                {(dueOn) => <time datetime={dueOn()}>{formatJalaliDateWithWeekday(dueOn())}</time>}
              </Show>
              <Show when={props.action.directive.dueRule}>{(rule) => <span class="due-rule"> («{rule()}»)</span>}</Show>
            </dd>
          </div>
          <div>
            <dt>پیشرفت</dt>
            <dd>
              <ProgressMeter value={props.action.progress} label="پیشرفت این اقدام" />
            </dd>
          </div>
          <Show when={props.action.recipient}>
            {(recipient) => (
              <div>
                <dt>گیرنده</dt>
                <dd>{recipient().name}</dd>
              </div>
            )}
          </Show>
          <div>
            <dt>واگذاری</dt>
            <dd>{formatJalaliDateTime(props.action.createdAt)}</dd>
          </div>
          <Show when={props.action.directive.refs.length > 0}>
            <div>
              <dt>مستند</dt>
              <dd>{props.action.directive.refs.join('، ')}</dd>
            </div>
          </Show>
        </dl>
      </header>

      <Show when={conflict()}>{(current) => <ConflictNotice current={current()} onDismiss={dismiss} />}</Show>

      <Show when={props.action.permissions.transitions.length > 0}>
        <TransitionPanel action={props.action} guard={guard} />
      </Show>

      <Show when={props.action.permissions.canPostUpdate}>
        <UpdateForm action={props.action} guard={guard} />
      </Show>

      <Show when={props.action.permissions.canReassign}>
        <RescheduleForm action={props.action} guard={guard} />
      </Show>

      <Timeline action={props.action} />
      <AuditTrail action={props.action} unitName={unitName()} />
    </article>
  );
}

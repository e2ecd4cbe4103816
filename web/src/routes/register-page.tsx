/**
 * @module «رهنمودها»: the register of every published directive, filters in the URL (Jalali dates,
 * speaker in any spelling, series, kind, unit or group, state, deadline, words of the quote), one
 * row per directive with its quote (shortened, whole on expand), its place in the session, its
 * deadline, a per-unit strip and follow-ups; paged, printable and exported as CSV.
 */
import { For, Show } from 'solid-js';
import { A, createAsync, useNavigate, useSearchParams } from '@solidjs/router';
import { getMe } from '../api/auth';
import { getUnits } from '../api/reports';
import { getDirectiveSummaries, getRegister, REGISTER_PAGE_SIZE, registerCsvUrl, registerFilters, registerHref, type RegisterItem } from '../api/register';
import { usePageTitle } from '../components/page-title';
import { Pagination, pageCount, parsePage } from '../components/pagination';
import { ProgressStrip } from '../components/progress-strip';
import { AsyncBoundary, EmptyState } from '../components/states';
import { excerpt } from '../lib/excerpt';
import { formatJalaliDate } from '../lib/jalali-date';
import { DIRECTIVE_KINDS, directiveKindLabel } from '../lib/labels';
import { countOf, toPersianDigits } from '../lib/persian-digits';
import { SORT_CHOICES, STATE_CHOICES } from '../lib/register-labels';
import '../styles/actions.css';
import '../styles/register.css';

const QUOTE_WORDS = 22;
const collator = new Intl.Collator('fa');

export function RegisterPage() {
  usePageTitle(() => 'رهنمودها');
  const [search] = useSearchParams();
  const filters = () => registerFilters(search);
  const page = () => parsePage(search.page);
  const list = createAsync(() => getRegister(filters(), page()));
  const me = createAsync(() => getMe());
  return (
    <section class="page register-page" aria-labelledby="register-heading">
      <header class="page-header register-header">
        <h1 id="register-heading">رهنمودها</h1>
        <p class="page-lead">
          همه رهنمودهای منتشرشده با جای آن‌ها در نشست، مهلت و پیشرفت در هر واحد.{' '}
          <A href="/directives/summaries" class="no-print">
            خلاصه به تفکیک گوینده و مجموعه
          </A>
          <Show when={me()?.unitCode}>
            {(unit) => (
              <>
                {' · '}
                <A href={registerHref({ unit: unit() })} class="no-print">
                  رهنمودهایی که به واحد من می‌رسد
                </A>
              </>
            )}
          </Show>
        </p>
      </header>
      <RegisterFilterForm />
      <AsyncBoundary loadingLabel="در حال بارگذاری رهنمودها…">
        <Show when={list()}>
          {(loaded) => (
            <>
              <div class="register-toolbar">
                <p class="list-summary" role="status">
                  {countOf(loaded().total, 'رهنمود')}
                  <Show when={loaded().speakerMatches}>
                    {(matches) => (
                      <span class="muted">
                        {' '}
                        · گوینده: {matches().length > 0 ? matches().join('، ') : 'کسی با این نام پیدا نشد'}
                      </span>
                    )}
                  </Show>
                </p>
                <p class="link-row no-print">
                  <button type="button" class="button button-quiet" onClick={() => window.print()}>
                    چاپ
                  </button>
                  <a class="button button-quiet" href={registerCsvUrl(filters())} download="">
                    دریافت CSV همین فهرست
                  </a>
                </p>
              </div>
              <Show when={loaded().items.length > 0} fallback={<EmptyState title="رهنمودی با این پالایه‌ها پیدا نشد." />}>
                <ol class="register-list">
                  <For each={loaded().items}>{(item) => <RegisterRow item={item} />}</For>
                </ol>
              </Show>
              <Pagination
                page={page()}
                pageCount={pageCount(loaded().total, REGISTER_PAGE_SIZE)}
                hrefFor={(p) => registerHref(filters(), p)}
                label="صفحه‌های رهنمودها"
              />
            </>
          )}
        </Show>
      </AsyncBoundary>
    </section>
  );
}

function RegisterFilterForm() {
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const current = () => registerFilters(search);
  const units = createAsync(() => getUnits());
  const speakers = createAsync(() => getDirectiveSummaries('speaker', {}));
  const series = createAsync(() => getDirectiveSummaries('series', {}));
  const sortedUnits = (kind: 'group' | 'other') =>
    (units()?.items ?? []).filter((u) => (kind === 'group') === (u.kind === 'group')).sort((a, b) => collator.compare(a.name, b.name));

  const apply = (event: SubmitEvent) => {
    event.preventDefault();
    if (!(event.currentTarget instanceof HTMLFormElement)) return;
    const form = new FormData(event.currentTarget);
    const next: Record<string, string | undefined> = { page: undefined };
    for (const key of ['from', 'to', 'speaker', 'series', 'kind', 'unit', 'state', 'hasDeadline', 'q', 'sort', 'order'] as const) {
      next[key] = String(form.get(key) ?? '').trim() || undefined;
    }
    setSearch(next);
  };

  return (
    <form class="filter-form register-filters no-print" onSubmit={apply} aria-label="پالایش رهنمودها">
      <div class="field">
        <label for="register-from">نشست‌های از تاریخ</label>
        <input id="register-from" name="from" inputmode="numeric" placeholder="۱۴۰۰/۰۱/۰۱" value={current().from ?? ''} aria-describedby="register-date-hint" />
      </div>
      <div class="field">
        <label for="register-to">تا تاریخ</label>
        <input id="register-to" name="to" inputmode="numeric" placeholder="۱۴۰۰/۱۲/۲۹" value={current().to ?? ''} aria-describedby="register-date-hint" />
      </div>
      <div class="field">
        <label for="register-speaker">گوینده</label>
        <input id="register-speaker" name="speaker" list="register-speakers" value={current().speaker ?? ''} autocomplete="off" />
        <datalist id="register-speakers">
          <For each={speakers()?.rows.filter((r) => r.key !== null)}>{(r) => <option value={r.key ?? ''} />}</For>
        </datalist>
      </div>
      <div class="field">
        <label for="register-series">مجموعه نشست</label>
        <select id="register-series" name="series" value={current().series ?? ''}>
          <option value="">همه مجموعه‌ها</option>
          {/* The lists arrive after the form: `selected` keeps the chosen one shown (a select's value is set once). */}
          <For each={series()?.rows.filter((r) => r.key !== null)}>
            {(r) => (
              <option value={r.key ?? ''} selected={r.key === current().series}>
                {r.label}
              </option>
            )}
          </For>
        </select>
      </div>
      <div class="field">
        <label for="register-kind">نوع</label>
        <select id="register-kind" name="kind" value={current().kind ?? ''}>
          <option value="">همه انواع</option>
          <For each={DIRECTIVE_KINDS}>{(k) => <option value={k}>{directiveKindLabel(k)}</option>}</For>
        </select>
      </div>
      {/* Wide: a province's full name («اداره کل آموزش فنی و حرفه‌ای استان …») is cut in a narrow select. */}
      <div class="field field-wide">
        <label for="register-unit">واحد یا گروه مسئول</label>
        <select id="register-unit" name="unit" value={current().unit ?? ''}>
          <option value="">همه واحدها</option>
          <optgroup label="گروه‌ها">
            <For each={sortedUnits('group')}>
              {(u) => (
                <option value={u.code} selected={u.code === current().unit}>
                  {u.name}
                </option>
              )}
            </For>
          </optgroup>
          <optgroup label="واحدها">
            <For each={sortedUnits('other')}>
              {(u) => (
                <option value={u.code} selected={u.code === current().unit}>
                  {u.name}
                </option>
              )}
            </For>
          </optgroup>
        </select>
      </div>
      <div class="field">
        <label for="register-state">وضعیت اقدام‌ها</label>
        <select id="register-state" name="state" value={current().state ?? ''}>
          <For each={STATE_CHOICES}>{(s) => <option value={s.value}>{s.label}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label for="register-deadline">مهلت</label>
        <select id="register-deadline" name="hasDeadline" value={current().hasDeadline ?? ''}>
          <option value="">فرقی نمی‌کند</option>
          <option value="true">مهلت‌دار</option>
          <option value="false">بی‌مهلت</option>
        </select>
      </div>
      <div class="field field-wide">
        <label for="register-q">واژه‌های متن رهنمود</label>
        <input id="register-q" name="q" type="search" value={current().q ?? ''} placeholder="مثلاً فروش املاک مازاد" />
      </div>
      <div class="field">
        <label for="register-sort">مرتب‌سازی</label>
        <select id="register-sort" name="sort" value={current().sort ?? ''}>
          {/* Relevance needs words to be relevant to (the server refuses it without them). */}
          <For each={SORT_CHOICES.filter((s) => s.value !== 'relevance' || current().q)}>{(s) => <option value={s.value}>{s.label}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label for="register-order">ترتیب</label>
        <select id="register-order" name="order" value={current().order ?? ''}>
          <option value="">پیش‌فرض</option>
          <option value="asc">صعودی</option>
          <option value="desc">نزولی</option>
        </select>
      </div>
      <div class="form-actions">
        <button type="submit" class="button">
          پالایش
        </button>
        <button type="button" class="button button-quiet" onClick={() => navigate('/directives')}>
          پاک کردن پالایه‌ها
        </button>
      </div>
      <p id="register-date-hint" class="field-hint">تاریخ‌ها شمسی (مانند ۱۴۰۰/۰۱/۰۱) یا میلادی.</p>
    </form>
  );
}

function RegisterRow(props: { item: RegisterItem }) {
  const item = () => props.item;
  const short = () => excerpt(item().quote, QUOTE_WORDS);
  const cut = () => short() !== item().quote;
  return (
    <li class={`register-row state-${item().state}`}>
      <article aria-label={`رهنمود ${toPersianDigits(item().id)}`}>
        <div class="register-quote">
          <span class={`kind-badge kind-${item().kind}`}>{directiveKindLabel(item().kind)}</span>
          <Show when={cut()} fallback={<blockquote class="register-quote-text">{item().quote}</blockquote>}>
            <details class="register-quote-details">
              <summary>
                <span class="register-quote-text">{short()}</span>
                <span class="visually-hidden"> (نمایش کامل)</span>
              </summary>
              <blockquote class="register-quote-full">{item().quote}</blockquote>
            </details>
            <blockquote class="register-quote-print">{item().quote}</blockquote>
          </Show>
        </div>
        <dl class="register-facts">
          <div>
            <dt>گوینده</dt>
            <dd>{item().speakerName ?? 'نامشخص'}</dd>
          </div>
          <div>
            <dt>نشست</dt>
            <dd>
              <A href={`/sessions/${encodeURIComponent(item().session.slug)}`}>{item().session.title}</A>
              <Show when={item().session.heldOn}>
                {(heldOn) => (
                  <>
                    {' · '}
                    <time datetime={heldOn()}>{formatJalaliDate(heldOn())}</time>
                  </>
                )}
              </Show>
            </dd>
          </div>
          <div>
            <dt>مهلت</dt>
            <dd>
              <Show when={item().deadline} fallback="ندارد">
                {(deadline) => <time datetime={deadline()}>{formatJalaliDate(deadline())}</time>}
              </Show>
            </dd>
          </div>
          <div>
            <dt>وضعیت</dt>
            <dd>
              <span class={`register-state register-state-${item().state}`}>{item().stateLabel}</span>
            </dd>
          </div>
          <div class="register-strip">
            <dt>پیشرفت در واحدها</dt>
            <dd>
              <ProgressStrip item={item()} />
            </dd>
          </div>
          <div>
            <dt>پیگیری‌ها</dt>
            <dd>{toPersianDigits(item().followUps)}</dd>
          </div>
        </dl>
        <p class="link-row register-links no-print">
          <A href={item().link} class="register-source-link">
            دیدن در متن نشست
          </A>
          <A href={item().trackLink}>پیگیری رهنمود</A>
        </p>
      </article>
    </li>
  );
}

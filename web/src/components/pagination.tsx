/** @module Previous / next page links with "page n of m", in Persian digits. */
import { Show } from 'solid-js';
import { A } from '@solidjs/router';
import { toPersianDigits } from '../lib/persian-digits';
import { firstParam } from '../lib/search-params';

/**
 * Shown only when there is more than one page.
 *
 * @example
 * <Pagination page={2} pageCount={5} hrefFor={(p) => `/?page=${p}`} />
 */
export function Pagination(props: { page: number; pageCount: number; hrefFor: (page: number) => string; label?: string }) {
  return (
    <Show when={props.pageCount > 1}>
      <nav class="pagination" aria-label={props.label ?? 'صفحه‌ها'}>
        <Show when={props.page > 1} fallback={<span class="pagination-link is-disabled" aria-hidden="true">صفحه قبل</span>}>
          <A class="pagination-link" href={props.hrefFor(props.page - 1)} rel="prev">
            صفحه قبل
          </A>
        </Show>
        <span class="pagination-status" aria-current="page">
          صفحه {toPersianDigits(props.page)} از {toPersianDigits(props.pageCount)}
        </span>
        <Show when={props.page < props.pageCount} fallback={<span class="pagination-link is-disabled" aria-hidden="true">صفحه بعد</span>}>
          <A class="pagination-link" href={props.hrefFor(props.page + 1)} rel="next">
            صفحه بعد
          </A>
        </Show>
      </nav>
    </Show>
  );
}

/**
 * Pages needed for `total` items, at least one.
 *
 * @example
 * pageCount(41, 20) // 3
 */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/**
 * A page number from the URL (`?page=`), 1 when missing or not a positive whole number.
 *
 * @example
 * parsePage('3') // 3
 * parsePage('x') // 1
 */
export function parsePage(value: string | string[] | undefined): number {
  const page = Number(firstParam(value));
  return Number.isInteger(page) && page > 0 ? page : 1;
}

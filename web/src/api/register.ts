/** @module The directive register: its filters as they sit in the URL, the page, the summaries, related directives and the CSV link. */
import { query } from '@solidjs/router';
import type { z } from 'zod';
import type { RegisterItem, RegisterPageSchema, RelatedSchema, SummaryPageSchema } from '../../../server/register/register.schemas';
import { apiRequest, apiUrl } from './client';
import { firstParam } from '../lib/search-params';

export type { RegisterItem };
export type RegisterPage = z.infer<typeof RegisterPageSchema>;
export type RelatedDirectives = z.infer<typeof RelatedSchema>;
export type DirectiveSummaries = z.infer<typeof SummaryPageSchema>;

/** The register's filters and sort, as typed (dates Jalali in any digits; the server reads them). */
export interface RegisterFilters {
  from?: string;
  to?: string;
  speaker?: string;
  series?: string;
  kind?: string;
  unit?: string;
  state?: string;
  hasDeadline?: string;
  q?: string;
  sort?: string;
  order?: string;
}

export const REGISTER_FILTER_KEYS = ['from', 'to', 'speaker', 'series', 'kind', 'unit', 'state', 'hasDeadline', 'q', 'sort', 'order'] as const;

/** Directives per page of the register. */
export const REGISTER_PAGE_SIZE = 25;

/**
 * The filters present in a URL query, empty ones left out.
 *
 * @example
 * registerFilters({ state: 'overdue', page: '2' }) // { state: 'overdue' }
 */
export function registerFilters(search: Partial<Record<string, string | string[]>>): RegisterFilters {
  const filters: RegisterFilters = {};
  for (const key of REGISTER_FILTER_KEYS) {
    const value = firstParam(search[key]);
    if (value) filters[key] = value;
  }
  return filters;
}

/**
 * A page of the register.
 *
 * @example
 * const page = createAsync(() => getRegister({ state: 'overdue' }, 1));
 */
export const getRegister = query(
  (filters: RegisterFilters, page: number) =>
    apiRequest<RegisterPage>('/directives', { query: { ...filters, limit: REGISTER_PAGE_SIZE, offset: (Math.max(1, page) - 1) * REGISTER_PAGE_SIZE } }),
  'register',
);

/** Per speaker or per series: given, assigned, done on time, late, open. */
export const getDirectiveSummaries = query(
  (by: 'speaker' | 'series', filters: RegisterFilters) => apiRequest<DirectiveSummaries>('/directives/summaries', { query: { ...filters, sort: undefined, order: undefined, by } }),
  'directiveSummaries',
);

/** Directives of other sessions that say nearly the same thing. */
export const getRelatedDirectives = query((id: number) => apiRequest<RelatedDirectives>(`/directives/${id}/related`), 'relatedDirectives');

/** The CSV of the same filters and sort (a plain link: the browser downloads it with the cookie). */
export function registerCsvUrl(filters: RegisterFilters): string {
  return apiUrl('/directives/export.csv', { ...filters });
}

/**
 * The register's URL for these filters (and page).
 *
 * @example
 * registerHref({ speaker: 'حسین فیروزی', state: 'open' }) // '/directives?speaker=…&state=open'
 */
export function registerHref(filters: RegisterFilters, page?: number): string {
  const params = new URLSearchParams();
  for (const key of REGISTER_FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (page && page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `/directives?${text}` : '/directives';
}

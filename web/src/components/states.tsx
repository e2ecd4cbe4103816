/** @module Loading, empty and error states, worded in Persian and announced to screen readers. */
import { ErrorBoundary, Suspense, type JSX } from 'solid-js';
import { revalidate } from '@solidjs/router';
import { ApiError } from '../api/client';

/** A calm placeholder while data loads (polite live region, no spinner flashing for fast loads). */
export function LoadingState(props: { label?: string }) {
  return (
    <div class="state state-loading" role="status" aria-live="polite">
      <span class="state-dots" aria-hidden="true" />
      <span>{props.label ?? 'در حال بارگذاری…'}</span>
    </div>
  );
}

/** Nothing to show, and what the user can do about it. */
export function EmptyState(props: { title: string; children?: JSX.Element }) {
  return (
    <div class="state state-empty" role="status">
      <p class="state-title">{props.title}</p>
      {props.children}
    </div>
  );
}

/**
 * Whether trying the same request again could help: not for a refused or malformed request
 * (400, 403, 404, 409, 422 …), where the same request gets the same answer.
 *
 * @example
 * retryMayHelp(new ApiError(403, 'forbidden', '…')) // false
 * retryMayHelp(new ApiError(0, 'network', '…')) // true
 */
export function retryMayHelp(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

/** What went wrong, in the server's words when it gave them, with a way to try again when that could help. */
export function ErrorState(props: { error: unknown; onRetry?: () => void; children?: JSX.Element }) {
  return (
    <div class="state state-error" role="alert">
      <p class="state-title">{describeError(props.error)}</p>
      {props.children}
      {props.onRetry && retryMayHelp(props.error) && (
        <button type="button" class="button" onClick={() => props.onRetry?.()}>
          تلاش دوباره
        </button>
      )}
    </div>
  );
}

/**
 * A Persian sentence for an error: the API's own message, or a general one.
 *
 * @example
 * describeError(new ApiError(404, 'not_found', 'نشست پیدا نشد.')) // 'نشست پیدا نشد.'
 */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'مشکلی پیش آمد و این بخش نمایش داده نشد. دوباره تلاش کنید.';
}

/**
 * Loading and error states around data read with `createAsync`: a loading note while it
 * loads, the error (with a retry that refetches) if it fails. `notFound` replaces the
 * error state for a 404.
 *
 * @example
 * <AsyncBoundary loadingLabel="در حال بارگذاری نشست…"><SessionView … /></AsyncBoundary>
 */
export function AsyncBoundary(props: { loadingLabel?: string; notFound?: JSX.Element; children: JSX.Element }) {
  return (
    <ErrorBoundary
      fallback={(error, reset) =>
        error instanceof ApiError && error.status === 404 && props.notFound ? (
          props.notFound
        ) : (
          <ErrorState
            error={error}
            onRetry={() => {
              void revalidate().then(reset);
            }}
          />
        )
      }
    >
      <Suspense fallback={<LoadingState label={props.loadingLabel} />}>{props.children}</Suspense>
    </ErrorBoundary>
  );
}

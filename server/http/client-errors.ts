/**
 * @module Requests Node's HTTP parser refuses before the app sees them — a URL or headers past its
 * 16 KB (a search link holding a pasted page), a malformed request line — answered in the API's
 * JSON error shape with a Persian message, instead of Node's bare status line with an empty body.
 */
import { Server } from 'node:http';
import type { ServerType } from '@hono/node-server';
import type { Duplex } from 'node:stream';
import { errorBody, type ErrorCode } from '../errors';

interface Refusal {
  status: number;
  reason: string;
  code: ErrorCode;
  message: string;
}

/** What to answer for a parser error; null: the connection is gone or idle, close it without a word. */
export function refusalFor(error: NodeJS.ErrnoException): Refusal | null {
  switch (error.code) {
    case 'ECONNRESET':
    case 'EPIPE':
    case 'HPE_REQUEST_TIMEOUT':
      return null;
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        reason: 'Request Header Fields Too Large',
        code: 'request_too_large',
        message: 'نشانی یا سرآیندهای درخواست بیش از اندازه بلند است؛ اگر عبارتی را جست‌وجو می‌کنید، آن را کوتاه‌تر کنید.',
      };
    default:
      return { status: 400, reason: 'Bad Request', code: 'invalid_request', message: 'درخواست نامعتبر است.' };
  }
}

/**
 * Answer parser errors on `server` in the JSON error shape (replaces Node's default answer).
 *
 * @example
 * const server = serve({ fetch: app.fetch, port });
 * answerClientErrors(server);
 */
export function answerClientErrors(server: ServerType): void {
  // HTTP/1 only (what `serve` starts here); an HTTP/2 server has no such event.
  if (!(server instanceof Server)) return;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const refusal = refusalFor(error);
    // As Node's own handler: a socket that cannot take an answer is closed at once.
    if (!refusal || !socket.writable) {
      socket.destroy();
      return;
    }
    const body = JSON.stringify(errorBody(refusal.code, refusal.message));
    socket.end(
      `HTTP/1.1 ${refusal.status} ${refusal.reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

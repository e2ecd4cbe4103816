/**
 * Issue 15, red team: a search link whose query is a pasted page (100 KB of Persian is 600 KB of URL)
 * goes past Node's 16 KB limit for a request's line and headers, so the app never sees it. Before the
 * fix the server process (server/main.ts) answered Node's bare «431» with an empty body: no `code`, no
 * Persian message, nothing a client or the page could say. Now the same JSON error shape as every
 * other refusal, and the server goes on answering.
 */
import { request } from 'node:http';
import { connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../../scripts/bench/server-process';

let dir: string;
let server: ServerProcess;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'neshast-oversized-'));
  server = await startServer({ databaseUrl: `file:${join(dir, 'neshast.db')}` });
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** One raw HTTP/1.1 request (fetch would refuse some of these itself); status, content type and body. */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('a request past the size of a request line and headers', () => {
  it.each([
    ['a search of one 100 KB word', `/api/search?q=${encodeURIComponent('ب'.repeat(100_000))}`, {}],
    ['a search of 5,000 words', `/api/search?q=${encodeURIComponent(Array.from({ length: 5_000 }, () => 'بودجه').join(' '))}`, {}],
    ['the search page with a pasted page in its link', `/search?q=${encodeURIComponent('برنامه '.repeat(5_000))}`, {}],
    ['a 40 KB cookie', '/api/health', { cookie: `x=${'a'.repeat(40_000)}` }],
  ])('%s: 431 with a stable code and a Persian message', async (_name, path, headers) => {
    const answer = await rawGet(path, headers);
    expect(answer.status).toBe(431);
    expect(answer.type).toContain('application/json');
    const body = JSON.parse(answer.body) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('request_too_large');
    expect(body.error.message).toMatch(/[\u0600-\u06FF]/);
    // The server is unharmed.
    expect((await rawGet('/api/health')).status).toBe(200);
  });

  it('a malformed request line gets 400 in the same shape', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => socket.write('GET /api/search?q=a b c HTTP/1.1\r\nHost: x\r\n\r\n'));
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ error: { code: 'invalid_request' } });
  });
});

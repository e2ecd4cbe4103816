/** @module A tiny client for a running server: sign in for a cookie, call the API with JSON. */

export interface ApiCall {
  method?: string;
  json?: unknown;
  cookie?: string;
  headers?: Record<string, string>;
}

/**
 * Call `path` on the server at `url`; the Origin header is the server's own, so writes pass the CSRF check.
 *
 * @example
 * const res = await callApi(server.url, '/api/actions/mine', { cookie });
 */
export function callApi(url: string, path: string, call: ApiCall = {}): Promise<Response> {
  const headers: Record<string, string> = { origin: url, ...call.headers };
  if (call.cookie) headers['cookie'] = call.cookie;
  let body: string | undefined;
  if (call.json !== undefined) {
    body = JSON.stringify(call.json);
    headers['content-type'] = 'application/json';
  }
  return fetch(`${url}${path}`, { method: call.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
}

/**
 * Sign in through POST /api/auth/login and return the session cookie ("name=value").
 *
 * @example
 * const cookie = await signIn(server.url, 'bench-director', password);
 */
export async function signIn(url: string, username: string, password: string): Promise<string> {
  const res = await callApi(url, '/api/auth/login', { json: { username, password } });
  const cookie = res.headers
    .getSetCookie()
    .map((h) => h.split(';')[0] ?? '')
    .find((pair) => pair.includes('session=') && !pair.endsWith('='));
  if (res.status !== 200 || !cookie) throw new Error(`sign-in failed for ${username}: ${res.status} ${await res.text()}`);
  return cookie;
}

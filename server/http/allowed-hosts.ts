/**
 * @module Which `Host` names the server answers to. Without `PUBLIC_URL` the request's own
 * origin decides the links the server writes (the calendar feed) and what same-origin means,
 * so a forged `Host` would choose them; `ALLOWED_HOSTS` (and the host of `PUBLIC_URL`) closes that.
 */
import type { MiddlewareHandler } from 'hono';
import { errorBody } from '../errors';

/**
 * The allowed `host[:port]` names, lower case: `ALLOWED_HOSTS` (comma list) plus PUBLIC_URL's host.
 * Empty means every host is answered (development).
 *
 * @example
 * allowedHostsOf('neshast.example.org, localhost:3000', 'https://neshast.example.org') // ['neshast.example.org', 'localhost:3000']
 */
export function allowedHostsOf(allowedHosts: string | readonly string[] | undefined, publicUrl?: string): string[] {
  const listed = typeof allowedHosts === 'string' ? allowedHosts.split(',') : [...(allowedHosts ?? [])];
  const hosts = listed.map((h) => h.trim().toLowerCase()).filter(Boolean);
  if (hosts.length > 0 && publicUrl) {
    try {
      hosts.push(new URL(publicUrl).host.toLowerCase());
    } catch {
      // An unparsable PUBLIC_URL adds nothing.
    }
  }
  return [...new Set(hosts)];
}

/**
 * Answer 421 to a request for a host not in `hosts` (a name without a port allows every port).
 *
 * @example
 * app.use('*', allowedHostsOnly(['neshast.example.org']));
 */
export function allowedHostsOnly(hosts: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    if (hosts.length === 0) return next();
    const url = new URL(c.req.url);
    const host = url.host.toLowerCase();
    const name = url.hostname.toLowerCase();
    if (hosts.includes(host) || hosts.includes(name)) return next();
    return c.json(errorBody('host_not_allowed', 'این نشانی برای این کارساز تعریف نشده است.'), 421);
  };
}

/** @module The session cookie: HttpOnly, SameSite=Lax, Path=/, and Secure (with the __Host- prefix) over HTTPS. */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export interface CookieSettings {
  name: string;
  secure: boolean;
}

/**
 * Cookie settings for a deployment: served over HTTPS (PUBLIC_URL https://…) means Secure.
 *
 * @example
 * cookieSettings('https://neshast.example.org'); // { name: '__Host-neshast_session', secure: true }
 */
export function cookieSettings(publicUrl: string | undefined): CookieSettings {
  const secure = publicUrl?.toLowerCase().startsWith('https://') ?? false;
  // __Host- makes the browser refuse the cookie unless Secure, Path=/ and host-only.
  return secure ? { name: '__Host-neshast_session', secure } : { name: 'neshast_session', secure };
}

export function readSessionCookie(c: Context, settings: CookieSettings): string | undefined {
  const value = getCookie(c, settings.name);
  return value && value.length <= 200 ? value : undefined;
}

export function writeSessionCookie(c: Context, settings: CookieSettings, token: string, maxAgeSeconds: number): void {
  setCookie(c, settings.name, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: settings.secure,
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(c: Context, settings: CookieSettings): void {
  deleteCookie(c, settings.name, { path: '/', secure: settings.secure, httpOnly: true, sameSite: 'Lax' });
}

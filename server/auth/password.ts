/** @module Password hashing: scrypt with a per-user salt, parameters stored in the hash, constant-time check. */
import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** OWASP's minimum for scrypt (2^17, 8, 1): about 0.4 s on one core of the build machine. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // maxmem must exceed 128·N·r bytes or node refuses the larger costs.
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * Hash a password as `scrypt$N$r$p$salt$hash` (salt and hash in base64).
 *
 * @example
 * const stored = await hashPassword('a long passphrase');
 */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

function parseHash(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (![params.N, params.r, params.p].every((v) => Number.isInteger(v) && v > 0)) return null;
  return { params, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
}

/**
 * Does `password` match `stored`? Compared in constant time.
 *
 * @example
 * if (!(await verifyPassword(input, user.passwordHash))) throw …
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/**
 * A hash nobody's password matches: checked against when the username is unknown, so timing does not
 * tell. Made with the same parameters as the accounts' hashes (`params`, the default when omitted).
 */
const decoyHashes = new Map<string, Promise<string>>();
export function decoyPasswordHash(params?: ScryptParams): Promise<string> {
  const key = JSON.stringify(params ?? null);
  let decoy = decoyHashes.get(key);
  if (!decoy) {
    decoy = hashPassword(randomBytes(32).toString('base64'), params);
    decoyHashes.set(key, decoy);
  }
  return decoy;
}

/**
 * A random password people can type: 20 characters from an alphabet without look-alikes.
 *
 * @example
 * const initial = generatePassword(); // e.g. "k7Qm-x3Rt-9wZp-Hc4v-Nb2e"
 */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const chars = Array.from({ length: 20 }, () => alphabet.charAt(randomInt(alphabet.length)));
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}

/** Rules a new password must meet; returns a Persian reason, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return 'گذرواژه باید دست‌کم ۸ نویسه باشد.';
  if (password.length > 200) return 'گذرواژه حداکثر ۲۰۰ نویسه است.';
  return null;
}

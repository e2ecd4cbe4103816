import { describe, expect, it } from 'vitest';
import { clientAddress, NO_PROXY, parseTrustProxy } from './client-address';

describe('clientAddress', () => {
  it('ignores X-Forwarded-For unless a proxy is trusted (anyone can send it)', () => {
    expect(clientAddress('203.0.113.5', '1.2.3.4', NO_PROXY)).toBe('203.0.113.5');
    expect(clientAddress('::ffff:203.0.113.5', undefined, NO_PROXY)).toBe('203.0.113.5');
  });

  it('with a hop count, takes the entry that many places left of the peer', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.7', parseTrustProxy('1'))).toBe('198.51.100.7');
    expect(clientAddress('127.0.0.1', 'forged, 198.51.100.7, 10.0.0.2', parseTrustProxy('2'))).toBe('198.51.100.7');
    expect(clientAddress('127.0.0.1', '198.51.100.7', parseTrustProxy('5'))).toBe('198.51.100.7');
  });

  it('with trusted addresses, walks left past the proxies to the first untrusted one', () => {
    const trust = parseTrustProxy('loopback, 10.0.0.0/8');
    expect(clientAddress('127.0.0.1', 'forged, 198.51.100.7, 10.1.2.3', trust)).toBe('198.51.100.7');
    expect(clientAddress('203.0.113.9', '198.51.100.7', trust)).toBe('203.0.113.9');
    expect(clientAddress('::1', '2001:db8::5', trust)).toBe('2001:db8::5');
  });

  it('refuses a TRUST_PROXY entry it cannot read', () => {
    expect(() => parseTrustProxy('proxy.example.org')).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustProxy('10.0.0.0/40')).toThrow(/TRUST_PROXY/);
    expect(parseTrustProxy('').kind).toBe('none');
  });
});

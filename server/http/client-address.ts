/**
 * @module The client's address for throttling and the audit log. Behind a reverse proxy the
 * socket's peer is the proxy, so `TRUST_PROXY` says which `X-Forwarded-For` entries to believe:
 * a hop count (`1`: one proxy in front) or the proxies' addresses and CIDRs
 * (`127.0.0.1,10.0.0.0/8`, `loopback`). Unset, `X-Forwarded-For` is ignored (anyone can send it).
 */
import { BlockList, isIP } from 'node:net';

export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'addresses'; list: BlockList };

export const NO_PROXY: TrustProxy = { kind: 'none' };

const NAMED: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  private: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** `::ffff:10.0.0.1` is the IPv4 address 10.0.0.1 on a dual-stack socket. */
function plainAddress(address: string): string {
  const trimmed = address.trim();
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(trimmed) ? trimmed.slice(7) : trimmed;
}

/**
 * Read `TRUST_PROXY`: empty/`false`/`0` → none; a whole number → that many hops; otherwise a comma
 * list of addresses, CIDRs and the names `loopback` and `private`. Throws on an entry it cannot read.
 *
 * @example
 * parseTrustProxy('1') // { kind: 'hops', hops: 1 }
 * parseTrustProxy('loopback,10.1.2.0/24').kind // 'addresses'
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false' || text === '0') return NO_PROXY;
  if (/^\d+$/.test(text)) return { kind: 'hops', hops: Number(text) };
  const list = new BlockList();
  for (const raw of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    for (const entry of NAMED[raw] ?? [raw]) {
      const [address = '', prefix] = entry.split('/');
      const family = isIP(address);
      if (family === 0) throw new Error(`TRUST_PROXY: «${raw}» is not an address, a CIDR, a hop count, 'loopback' or 'private'`);
      const type = family === 4 ? 'ipv4' : 'ipv6';
      if (prefix === undefined) list.addAddress(address, type);
      else {
        const bits = Number(prefix);
        if (!Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128)) throw new Error(`TRUST_PROXY: bad prefix in «${raw}»`);
        list.addSubnet(address, bits, type);
      }
    }
  }
  return { kind: 'addresses', list };
}

function trusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client's address from the socket peer and the `X-Forwarded-For` header, under `trust`.
 * Hops: the entry that many places left of the peer. Addresses: walking left from the peer
 * past trusted proxies, the first address that is not one.
 *
 * @example
 * clientAddress('127.0.0.1', '203.0.113.7, 10.0.0.2', { kind: 'hops', hops: 2 }) // '203.0.113.7'
 */
export function clientAddress(peer: string, forwardedFor: string | undefined, trust: TrustProxy): string {
  const socket = plainAddress(peer);
  if (trust.kind === 'none' || !forwardedFor) return socket;
  const chain = [...forwardedFor.split(',').map(plainAddress).filter((a) => a !== ''), socket];
  if (trust.kind === 'hops') return chain[Math.max(0, chain.length - 1 - trust.hops)] ?? socket;
  for (let i = chain.length - 1; i > 0; i--) {
    if (!trusted(trust.list, chain[i] ?? '')) return chain[i] ?? socket;
  }
  return chain[0] ?? socket;
}

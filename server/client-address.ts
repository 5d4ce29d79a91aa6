/**
 * Who is asking, for the access log. Without TRUST_PROXY the socket's address is the client
 * (anyone can write an `X-Forwarded-For`). With it, the addresses the proxies appended are
 * believed as far as the setting says: a hop count (`1`: one proxy in front, so the client is
 * the address it appended last) or a list of proxy addresses and CIDR ranges (walk back from
 * the socket while the address is one of ours; the first that is not is the client).
 */
import { BlockList, isIP } from 'node:net';

export type TrustProxy = { hops: number } | { proxies: string[] } | null;

/** Parses TRUST_PROXY; pushes one line per problem. Empty: trust nobody. */
export function parseTrustProxy(value: string, problems: string[]): TrustProxy {
  const text = value.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops < 1 || hops > 10) {
      problems.push(`TRUST_PROXY as a hop count must be from 1 to 10, got ${text}`);
    }
    return hops === 0 ? null : { hops };
  }
  const proxies = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const bad = proxies.filter((entry) => toBlock(entry) === null);
  if (bad.length > 0) {
    problems.push(
      `TRUST_PROXY must be a hop count (e.g. 1) or addresses/CIDR ranges of your proxies (e.g. 10.0.0.0/8,127.0.0.1); not understood: ${bad.join(', ')}`,
    );
  }
  return { proxies };
}

/** The client's address as far as TRUST_PROXY lets us believe `X-Forwarded-For`. */
export function clientAddress(
  trust: TrustProxy,
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
): string | null {
  const socket = socketAddress ? unmapped(socketAddress) : null;
  if (!trust || !socket) return socket;
  const forwarded = (forwardedFor ?? '')
    .split(',')
    .map((entry) => unmapped(entry.trim()))
    .filter((entry) => isIP(entry) !== 0);
  // Nearest first: the socket, then what each proxy appended, last one first.
  const chain = [socket, ...forwarded.reverse()];
  if ('hops' in trust) return chain[Math.min(trust.hops, chain.length - 1)] ?? socket;
  const ours = blockListOf(trust.proxies);
  const client = chain.find((address) => !contains(ours, address));
  return client ?? chain[chain.length - 1] ?? socket;
}

const lists = new WeakMap<string[], BlockList>();

function blockListOf(proxies: string[]): BlockList {
  let list = lists.get(proxies);
  if (!list) {
    list = new BlockList();
    for (const entry of proxies) {
      const block = toBlock(entry);
      if (!block) continue;
      if (block.prefix === undefined) list.addAddress(block.address, block.family);
      else list.addSubnet(block.address, block.prefix, block.family);
    }
    lists.set(proxies, list);
  }
  return list;
}

function contains(list: BlockList, address: string): boolean {
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  return list.check(address, family);
}

function toBlock(
  entry: string,
): { address: string; prefix?: number; family: 'ipv4' | 'ipv6' } | null {
  const [address = '', prefix, extra] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return null;
  const family = version === 6 ? 'ipv6' : 'ipv4';
  if (prefix === undefined) return { address, family };
  const bits = /^\d+$/.test(prefix) ? Number(prefix) : -1;
  if (bits < 0 || bits > (version === 6 ? 128 : 32)) return null;
  return { address, prefix: bits, family };
}

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) as `10.0.0.1`. */
function unmapped(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

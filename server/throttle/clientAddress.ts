import { isIPv6 } from 'node:net';
import type { Request } from 'express';

/**
 * Who a request comes from, for counting failed sign-ins: `req.ip`, which is the socket's peer, or with
 * TRUST_PROXY the address the proxy in front saw (see the `trust proxy` setting in app.ts). An IPv6 client
 * counts by its /64 network, since whoever has one address there has all of them.
 */
export function clientAddressOf(req: Request): string {
  const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
  const mappedIPv4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mappedIPv4) return mappedIPv4[1]!;
  if (!isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, `::` filled in with zeros (a trailing IPv4 part or zone is dropped). */
function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('%')[0]!.split('::');
  const groupsOf = (part: string) => (part ? part.split(':').filter((group) => !group.includes('.')) : []);
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  const zeros = Array<string>(Math.max(8 - left.length - right.length, 0)).fill('0');
  return [...left, ...zeros, ...right].map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''));
}

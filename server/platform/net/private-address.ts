import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

// Loopback, private, shared (CGNAT), link-local, unspecified and multicast ranges: addresses inside
// the installation's own network, which a firm's setting must not make the server talk to.
const internal = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["224.0.0.0", 3],
] as const)
  internal.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 127],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  internal.addSubnet(network, prefix, "ipv6");

/** Whether an IP address lies in the installation's own network (loopback, private, link-local …). */
export function isInternalAddress(address: string): boolean {
  const mapped = address.toLowerCase().match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/)?.[1];
  if (mapped) return internal.check(mapped, "ipv4");
  const family = isIP(address);
  if (family === 0) return false;
  return internal.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * Whether a host name or IP address reaches into the installation's own network: an internal IP, or a
 * name any of whose addresses is one. A name that does not resolve answers false (the connection will
 * fail on its own and say so).
 */
export async function reachesInternalNetwork(host: string): Promise<boolean> {
  if (isIP(host) !== 0) return isInternalAddress(host);
  try {
    const addresses = await lookup(host, { all: true, verbatim: true });
    return addresses.some((a) => isInternalAddress(a.address));
  } catch {
    return false;
  }
}

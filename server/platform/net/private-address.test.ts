import { describe, expect, it } from "vitest";
import { isInternalAddress, reachesInternalNetwork } from "./private-address.js";

describe("addresses inside the installation's network", () => {
  it("knows loopback, private, shared, link-local and unspecified addresses, in both families", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.254",
      "192.168.1.10",
      "100.64.0.1",
      "169.254.169.254",
      "0.0.0.0",
      "::1",
      "::",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "::ffff:10.0.0.1",
    ])
      expect(isInternalAddress(address), address).toBe(true);
  });

  it("lets public addresses and non-addresses pass", () => {
    for (const address of ["203.0.113.7", "172.32.0.1", "8.8.8.8", "2001:db8::1", "::ffff:8.8.8.8", "smtp"])
      expect(isInternalAddress(address), address).toBe(false);
  });

  it("resolves a name and refuses it when it points inward", async () => {
    expect(await reachesInternalNetwork("localhost")).toBe(true);
    expect(await reachesInternalNetwork("127.0.0.1")).toBe(true);
    expect(await reachesInternalNetwork("203.0.113.7")).toBe(false);
    expect(await reachesInternalNetwork("no-such-host.invalid")).toBe(false);
  });
});

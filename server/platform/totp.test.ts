import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, matchTotpStep, totpCode, totpStep } from "./totp.js";

// RFC 6238 appendix B: the SHA-1 secret "12345678901234567890" and its eight-digit codes.
const rfcSecret = base32Encode(Buffer.from("12345678901234567890", "ascii"));

describe("TOTP (RFC 6238)", () => {
  it("matches the RFC's test vectors", () => {
    const vectors: Array<[number, string]> = [
      [59, "94287082"],
      [1111111109, "07081804"],
      [1111111111, "14050471"],
      [1234567890, "89005924"],
      [2000000000, "69279037"],
    ];
    for (const [seconds, code] of vectors)
      expect(totpCode(rfcSecret, totpStep(new Date(seconds * 1000)), 8)).toBe(code);
  });

  it("round-trips base32 and accepts a code one step either side, not two", () => {
    expect(base32Decode(base32Encode(Buffer.from("hello world"))).toString()).toBe("hello world");
    const at = new Date("2026-03-02T09:00:10Z");
    const step = totpStep(at);
    expect(matchTotpStep(rfcSecret, totpCode(rfcSecret, step - 1), at)).toBe(step - 1);
    expect(matchTotpStep(rfcSecret, totpCode(rfcSecret, step + 1), at)).toBe(step + 1);
    expect(matchTotpStep(rfcSecret, totpCode(rfcSecret, step - 2), at)).toBeNull();
  });
});

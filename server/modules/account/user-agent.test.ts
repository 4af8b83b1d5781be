import { describe, expect, it } from "vitest";
import { registerMessages } from "../../platform/i18n/messages.js";
import { accountMessages } from "./account.messages.js";
import { describeUserAgent, guessDevice } from "./user-agent.js";

// The app registers every module's messages in modules/index.ts; this unit test does it for its own.
registerMessages(accountMessages);

const agents = {
  chromeAndroid:
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
  safariIphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  chromeIphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1",
  edgeWindows:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.68",
  firefoxMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0",
  safariMac:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  samsung:
    "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
  operaLinux:
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 OPR/111.0.0.0",
  ipad: "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
};

describe("describing a session's device", () => {
  it("PORTAL-1 names common browsers and systems as people call them", () => {
    expect(guessDevice(agents.chromeAndroid)).toEqual({ browser: "Chrome", os: "Android" });
    expect(guessDevice(agents.safariIphone)).toEqual({ browser: "Safari", os: "iOS" });
    expect(guessDevice(agents.chromeIphone)).toEqual({ browser: "Chrome", os: "iOS" });
    expect(guessDevice(agents.edgeWindows)).toEqual({ browser: "Edge", os: "Windows" });
    expect(guessDevice(agents.firefoxMac)).toEqual({ browser: "Firefox", os: "macOS" });
    expect(guessDevice(agents.safariMac)).toEqual({ browser: "Safari", os: "macOS" });
    expect(guessDevice(agents.samsung)).toEqual({ browser: "Samsung Internet", os: "Android" });
    expect(guessDevice(agents.operaLinux)).toEqual({ browser: "Opera", os: "Linux" });
    expect(guessDevice(agents.ipad)).toEqual({ browser: "Safari", os: "iPadOS" });
  });

  it("PORTAL-1 words it in the reader's language", () => {
    expect(describeUserAgent(agents.chromeAndroid, "en")).toBe("Chrome on Android");
    expect(describeUserAgent(agents.chromeAndroid, "de")).toBe("Chrome auf Android");
    expect(describeUserAgent(agents.chromeAndroid, "fr")).toBe("Chrome sur Android");
    expect(describeUserAgent("Mozilla/5.0 (X11; Linux x86_64) SomethingNew/1.0", "en")).toBe(
      "A browser on Linux",
    );
  });

  it("shortens what it does not know and answers null without a header", () => {
    expect(describeUserAgent("curl/8.5.0", "en")).toBe("curl/8.5.0");
    const long = describeUserAgent(`bot/${"x".repeat(200)}`, "en");
    expect(long?.length).toBe(60);
    expect(long?.endsWith("…")).toBe(true);
    expect(describeUserAgent(null, "en")).toBeNull();
    expect(describeUserAgent("   ", "en")).toBeNull();
  });
});

import type { Language } from "../../../contracts/common.js";
import { translate } from "../../platform/i18n/translate.js";

/** The browser and system a User-Agent names, as people call them; null where it names none we know. */
export interface DeviceGuess {
  browser: string | null;
  os: string | null;
}

// Order matters: Edge, Opera and Samsung Internet also say "Chrome", and Chrome also says "Safari".
const browsers: Array<[RegExp, string]> = [
  [/\bEdg(?:e|A|iOS)?\//, "Edge"],
  [/\bOPR\/|\bOpera\b/, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\bFirefox\/|\bFxiOS\//, "Firefox"],
  [/\bCriOS\/|\b(?:Headless)?Chrome\/|\bChromium\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
];

// iPads and iPhones before macOS (they say "like Mac OS X"); Android before Linux.
const systems: Array<[RegExp, string]> = [
  [/\biPad\b/, "iPadOS"],
  [/\biPhone\b|\biPod\b/, "iOS"],
  [/\bAndroid\b/, "Android"],
  [/\bWindows\b/, "Windows"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b/, "Linux"],
];

/** Guesses browser and system from a User-Agent header. */
export function guessDevice(userAgent: string): DeviceGuess {
  const browser = browsers.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
  const os = systems.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
  return { browser, os };
}

const rawLimit = 60;

/**
 * A session's User-Agent in words a person recognises ("Chrome on Android", translated); the raw
 * header, shortened, when it names nothing known (a script, a rare browser); null without one.
 */
export function describeUserAgent(userAgent: string | null, language: Language): string | null {
  const raw = userAgent?.trim();
  if (!raw) return null;
  const { browser, os } = guessDevice(raw);
  if (browser && os) return translate(language, "account.device", { browser, os });
  if (os) return translate(language, "account.device_unknown_browser", { os });
  if (browser) return browser;
  return raw.length > rawLimit ? `${raw.slice(0, rawLimit - 1)}…` : raw;
}

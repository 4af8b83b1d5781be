import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { APIRequestContext, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { type RunningAtrium, startAtrium } from "./atrium-process";
import { launchBrowser } from "./browser";
import { writeClockOffset } from "./clock";
import { freePort } from "./ports";
import { createScratchDatabase, type ScratchDatabase } from "./scratch-database";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Where journeys keep their screenshots (ignored by git). */
export const screenshotDir = path.join(repoRoot, ".tmp");

/** How a journey starts: the browser's locale and the name of its screenshots. */
export interface JourneyOptions {
  /** The browser's locale, e.g. "de-DE" or "en-US". */
  locale: string;
  /** Prefix of screenshot file names, e.g. "e2e-staff" gives .tmp/e2e-staff-failure.png. */
  name: string;
  /** Starts the app with a movable clock (ATRIUM_TEST_CLOCK_FILE): `moveClock` then shifts its time. */
  movableClock?: boolean;
  /** The host the app is reached at (default 127.0.0.1); WebAuthn wants a name, e.g. "localhost". */
  publicHost?: string;
}

/** A running Atrium with a browser page pointed at nothing yet. */
export interface Journey {
  baseUrl: string;
  atrium: RunningAtrium;
  /** The app's ATRIUM_DATA_DIR (the development SMS provider keeps its messages under sms/ there). */
  dataDir: string;
  context: BrowserContext;
  page: Page;
  /** The browser context's API client: shares the page's cookies. */
  request: APIRequestContext;
  /** Script errors, CSP violations and console errors seen so far ("Failed to load resource" excluded). */
  consoleErrors: string[];
  /**
   * The app's database as its owner (a superuser in both cases): the scratch database when DATABASE_URL
   * is set, else the embedded PostgreSQL the app started. For what no API does yet (portal accounts).
   */
  databaseUrl: string;
  /** A second Chromium with its own profile (its own cookies), watched for console errors like the first. */
  openBrowser: (locale?: string) => Promise<{ context: BrowserContext; page: Page }>;
  /** Runs one named step; a failure names the step, keeps a screenshot and shows the app's output. */
  step: (name: string, work: () => Promise<void>) => Promise<void>;
  /** Saves a full-page screenshot of `of` (the journey's page unless told) as .tmp/<name>-<label>.png. */
  screenshot: (label: string, of?: Page) => Promise<void>;
  /**
   * Moves the app's time to the real time plus `offsetMs` (only with `movableClock`); the app sees the
   * new time within a quarter of a second (server/platform/clock.ts).
   */
  moveClock: (offsetMs: number) => Promise<void>;
  /** Closes the browser, stops Atrium, drops the scratch database and removes temporary directories. */
  stop: () => Promise<void>;
}

/** Starts a scratch database (when DATABASE_URL is set), Atrium and Chromium; cleans up if any part fails. */
export async function startJourney(options: JourneyOptions): Promise<Journey> {
  const tempDirs: string[] = [];
  let database: ScratchDatabase | undefined;
  let atrium: RunningAtrium | undefined;
  let context: BrowserContext | undefined;
  const extraContexts: BrowserContext[] = [];
  const stop = async () => {
    await Promise.all(extraContexts.map((extra) => extra.close().catch(() => {})));
    await context?.close().catch(() => {});
    await atrium?.stop();
    await database
      ?.drop()
      .catch((error: unknown) => console.warn(`Could not drop database ${database?.name}:`, error));
    await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  };

  let databaseUrl = "";
  let dataDir = "";
  let clockFile: string | undefined;
  try {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "atrium-e2e-data-"));
    tempDirs.push(dataDir);
    const profileDir = await mkdtemp(path.join(os.tmpdir(), "atrium-e2e-profile-"));
    tempDirs.push(profileDir);
    await mkdir(screenshotDir, { recursive: true });

    // Check the browser first: no point starting the app when the journey cannot run.
    context = await launchBrowser(profileDir, options.locale);
    if (process.env.DATABASE_URL) database = await createScratchDatabase(process.env.DATABASE_URL);
    const embeddedPgPort = await freePort();
    if (options.movableClock) clockFile = path.join(dataDir, "test-clock-offset");
    atrium = await startAtrium({
      port: await freePort(),
      embeddedPgPort,
      dataDir,
      databaseUrl: database?.url,
      clockFile,
      publicHost: options.publicHost,
    });
    databaseUrl = database?.url ?? (await embeddedDatabaseUrl(dataDir, embeddedPgPort));
  } catch (error) {
    await stop();
    throw error;
  }

  const mainContext = context;
  const consoleErrors: string[] = [];
  watchConsole(mainContext, consoleErrors);
  const page = mainContext.pages()[0] ?? (await mainContext.newPage());
  const openBrowser = async (locale = options.locale) => {
    const profileDir = await mkdtemp(path.join(os.tmpdir(), "atrium-e2e-profile-"));
    tempDirs.push(profileDir);
    const extra = await launchBrowser(profileDir, locale);
    extraContexts.push(extra);
    watchConsole(extra, consoleErrors);
    return { context: extra, page: extra.pages()[0] ?? (await extra.newPage()) };
  };

  const running = atrium;
  const screenshot = async (label: string, of: Page = page) => {
    await of.screenshot({ path: path.join(screenshotDir, `${options.name}-${label}.png`), fullPage: true });
  };
  const step = async (name: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      await screenshot("failure").catch(() => {});
      // The other pages too (a preview tab, a second browser): the failure may be on one of them.
      const others = [mainContext, ...extraContexts].flatMap((c) => c.pages()).filter((p) => p !== page);
      await Promise.all(
        others.map((other, index) =>
          other
            .screenshot({ path: path.join(screenshotDir, `${options.name}-failure-${index + 2}.png`) })
            .catch(() => {}),
        ),
      );
      const detail = error instanceof Error ? error.message : String(error);
      throw new Error(
        `Step "${name}" failed at ${page.url()}: ${detail}\n--- app output ---\n${running.output()}`,
        { cause: error },
      );
    }
  };
  const moveClock = async (offsetMs: number) => {
    if (!clockFile) throw new Error("moveClock needs a journey started with movableClock: true");
    await writeClockOffset(clockFile, offsetMs);
  };
  return {
    baseUrl: running.baseUrl,
    atrium: running,
    dataDir,
    context: mainContext,
    page,
    request: mainContext.request,
    consoleErrors,
    databaseUrl,
    openBrowser,
    step,
    screenshot,
    moveClock,
    stop,
  };
}

/**
 * Collects script errors, CSP violations and console errors of every page of `context` (those open now
 * and those opened later, such as a preview tab); failed 401 fetches are expected and not errors.
 */
function watchConsole(context: BrowserContext, into: string[]): void {
  const watch = (page: Page) => {
    page.setDefaultTimeout(15_000);
    page.on("console", (message) => {
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
        into.push(`${message.text()} (at ${page.url()})`);
      }
    });
    page.on("pageerror", (error) => into.push(`${error.message} (at ${page.url()})`));
  };
  for (const page of context.pages()) watch(page);
  context.on("page", watch);
}

/** The embedded PostgreSQL's address as its superuser (see server/platform/db/embedded.ts and main.ts). */
async function embeddedDatabaseUrl(dataDir: string, port: number): Promise<string> {
  const password = (await readFile(path.join(dataDir, "pg-password"), "utf8")).trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/atrium`;
}

/** Starts a journey in beforeAll, stops it in afterAll; the getter rethrows a failed start inside the test. */
export function useJourney(options: JourneyOptions): () => Journey {
  let journey: Journey | undefined;
  let startFailure: unknown;
  // A failed start is reported by the test itself, so it counts as failed rather than skipped.
  beforeAll(async () => {
    try {
      journey = await startJourney(options);
    } catch (error) {
      startFailure = error;
    }
  });
  afterAll(async () => {
    await journey?.stop();
  });
  return () => {
    if (startFailure) throw startFailure;
    if (!journey) throw new Error("the app or the browser did not start");
    return journey;
  };
}

/** What POST /api/setup takes: the firm and its first administrator. */
export interface FirmSetup {
  firmName: string;
  language: string;
  adminName: string;
  adminEmail: string;
  password: string;
}

/** Sets up the firm through the API, which also signs the administrator in for the browser context. */
export async function setUpFirm(journey: Journey, firm: FirmSetup): Promise<void> {
  const res = await journey.request.post(`${journey.baseUrl}/api/setup`, {
    data: firm,
    headers: { "x-atrium-csrf": "1" },
  });
  expect(res.status(), await res.text()).toBe(201);
}

interface MailSummary {
  id: string;
  to: string;
}

/** Polls the development mailbox until a mail to `address` arrives and returns its plain text. */
export async function waitForMail(journey: Journey, address: string, timeoutMs = 20_000): Promise<string> {
  const { request, baseUrl } = journey;
  let id = "";
  await expect
    .poll(
      async () => {
        const res = await request.get(`${baseUrl}/api/dev/mailbox`);
        if (!res.ok()) return "";
        const { mails } = (await res.json()) as { mails: MailSummary[] };
        id = mails.find((mail) => mail.to.includes(address))?.id ?? "";
        return id;
      },
      { timeout: timeoutMs, message: `a mail to ${address} in the development mailbox` },
    )
    .not.toBe("");
  const res = await request.get(`${baseUrl}/api/dev/mailbox/${id}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { text: string }).text;
}

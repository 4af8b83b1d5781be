import { mkdtemp } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { type Cleanup, childEnv, freePort, type RunningProcess, readyLine, startServer } from "./process.js";

/** The secret of the suite's in-process test app, so a session it made is valid in every process. */
export const TEST_SECRET = "test-secret-test-secret-test-secret-0123";

/** One Atrium process of a cluster on a shared database. */
export interface Member {
  process: RunningProcess;
  /** The HTTP port (0 for a worker, which does not listen). */
  port: number;
  role: "web" | "worker";
}

/**
 * Starts Atrium processes of `roles` side by side on `databaseUrl` (one shared secret, each its own
 * data dir) and waits until every one says it is ready. Started together, they share the 2 cores'
 * start-up cost instead of paying it one after another.
 */
export async function startMembers(
  cleanup: Cleanup,
  databaseUrl: string,
  roles: ReadonlyArray<"web" | "worker">,
  env: Record<string, string> = {},
): Promise<Member[]> {
  const members = await Promise.all(
    roles.map(async (role) => {
      const port = role === "web" ? await freePort() : 0;
      const dataDir = cleanup.path(await mkdtemp(path.join(os.tmpdir(), `atrium-cluster-${role}-`)));
      const running = cleanup.process(
        startServer(
          childEnv({
            DATABASE_URL: databaseUrl,
            AUTH_SECRET: TEST_SECRET,
            PUBLIC_URL: "http://localhost:3000",
            ATRIUM_DATA_DIR: dataDir,
            ATRIUM_ROLE: role,
            PORT: String(port),
            ...env,
          }),
        ),
      );
      return { process: running, port, role };
    }),
  );
  await Promise.all(members.map((m) => m.process.waitForLine(readyLine, 90_000)));
  return members;
}

/** An answer of a cluster member, body parsed when it is JSON. */
export interface Answer<T = unknown> {
  status: number;
  body: T;
  /** The `name=value` pairs of the Set-Cookie headers. */
  cookies: string[];
}

/** What one request sends besides its method and path. */
export interface Send {
  body?: unknown;
  cookie?: string;
  headers?: Record<string, string>;
  /** The local address the connection comes from (any of 127.0.0.0/8): the peer the server sees. */
  from?: string;
}

/**
 * One HTTP request to a web member, as a browser on the address `from` would send it: the CSRF header
 * on writes, the cookie, JSON in and out. Plain node:http, because fetch cannot pick its source address.
 */
export function send<T = unknown>(port: number, method: string, url: string, options: Send = {}) {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = {
    "accept-language": "en",
    ...(method === "GET" ? {} : { "x-atrium-csrf": "1" }),
    ...(payload === undefined ? {} : { "content-type": "application/json" }),
    ...(options.cookie ? { cookie: options.cookie } : {}),
    ...options.headers,
  };
  return new Promise<Answer<T>>((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, method, path: url, headers, localAddress: options.from ?? "127.0.0.1" },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          const json = res.headers["content-type"]?.includes("json") && text !== "";
          resolve({
            status: res.statusCode ?? 0,
            body: (json ? JSON.parse(text) : text) as T,
            cookies: (res.headers["set-cookie"] ?? []).map((line) => line.split(";")[0] ?? ""),
          });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

/** The session cookie among `cookies` as a Cookie header, or "" when none (or a cleared one) was set. */
export function sessionCookie(cookies: string[]): string {
  const pair = cookies.find((c) => c.startsWith("__Host-atrium_session="));
  return pair && !pair.endsWith("=") ? pair : "";
}

/** Signs in with email and password on a web member; answers the session cookie. */
export async function signInOn(port: number, email: string, password: string): Promise<string> {
  const answer = await send(port, "POST", "/api/session", { body: { email, password } });
  const cookie = sessionCookie(answer.cookies);
  if (answer.status !== 200 || !cookie)
    throw new Error(`sign-in on :${port} answered ${answer.status} ${JSON.stringify(answer.body)}`);
  return cookie;
}

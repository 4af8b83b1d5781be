import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

/** The entries of a comma-separated variable, trimmed, empty ones dropped. */
function splitList(value: string): string[] {
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}

/** Whether `entry` is an IPv4/IPv6 address or a CIDR range with a prefix that fits its family. */
function isAddressOrRange(entry: string): boolean {
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** Thrown when the environment cannot start Atrium; its message is one line naming the variable. */
export class ConfigError extends Error {}

const roles = ["web", "worker", "all"] as const;
const secretVariables = new Set([
  "AUTH_SECRET",
  "DATABASE_URL",
  "SMTP_URL",
  "SMS_GATEWAY_TOKEN",
  "MAIL_BOUNCE_TOKEN",
  "METRICS_TOKEN",
]);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  ATRIUM_DATA_DIR: z.string().min(1).default("./data"),
  ATRIUM_ROLE: z.enum(roles).default("all"),
  ATRIUM_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Atrium <no-reply@atrium.localhost>"),
  MAIL_BOUNCE_TOKEN: z.string().min(24, "must be at least 24 characters").optional(),
  FIRM_SMTP_INTERNAL_HOSTS: z.enum(["allow", "refuse"]).optional(),
  WEBHOOK_INTERNAL_HOSTS: z.enum(["allow", "refuse"]).optional(),
  SMS_GATEWAY_URL: z.url().optional(),
  SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
  ATRIUM_UPLOAD_LIMIT_MB: z.coerce.number().positive().max(10240).default(25),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ATRIUM_TEST_CLOCK_FILE: z.string().min(1).optional(),
  ATRIUM_TRUSTED_PROXIES: z
    .string()
    .refine(
      (value) => splitList(value).every(isAddressOrRange),
      "must be a comma-separated list of IP addresses or CIDR ranges, e.g. 10.0.0.5,10.1.0.0/16",
    )
    .optional(),
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  ATRIUM_SHUTDOWN_TIMEOUT_S: z.coerce.number().positive().max(3600).default(20),
});

/** The parsed configuration of one Atrium process. */
export interface Config {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  role: (typeof roles)[number];
  runsWeb: boolean;
  runsWorker: boolean;
  embeddedPgPort: number;
  authSecret: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** The bearer token of the bounce intake (POST /api/mail/bounces); unset = the intake refuses all. */
  mailBounceToken: string | undefined;
  /**
   * FIRM_SMTP_INTERNAL_HOSTS: whether a firm's own SMTP server may be in the installation's network
   * (loopback, private ranges). Refused by default in production, so a firm's setting cannot probe it.
   */
  firmSmtpInternalHosts: "allow" | "refuse";
  /**
   * WEBHOOK_INTERNAL_HOSTS: whether webhook URLs may point into the installation's network (loopback,
   * private ranges); refused by default in production, so a firm's webhook cannot probe it.
   */
  webhookInternalHosts: "allow" | "refuse";
  /** Where SMS codes are posted; unset = the development provider (messages kept under dataDir/sms). */
  smsGatewayUrl: string | undefined;
  smsGatewayToken: string | undefined;
  logLevel: string;
  /** Largest accepted upload, in bytes (ATRIUM_UPLOAD_LIMIT_MB). */
  uploadLimitBytes: number;
  /**
   * ATRIUM_TEST_CLOCK_FILE: a file holding an offset in milliseconds added to the server's time, so a
   * browser journey can move time (reminders on day 2 and 7); refused in production.
   */
  testClockFile: string | undefined;
  /**
   * ATRIUM_TRUSTED_PROXIES: the load balancers whose X-Forwarded-For is believed. The client IP is the
   * right-most address not in this list; empty (the default) trusts nobody and uses the socket's peer.
   */
  trustedProxies: string[];
  /** METRICS_TOKEN: the bearer token GET /metrics asks for; unset = only clients on this machine may read it. */
  metricsToken: string | undefined;
  /**
   * ATRIUM_SHUTDOWN_TIMEOUT_S: how long a shutdown may take to let requests and jobs finish before it
   * cuts what is left (default 20 s, within the usual 30 s an orchestrator waits before killing).
   */
  shutdownTimeoutMs: number;
}

/** Parses the environment once; a bad value throws a ConfigError naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? "environment");
    // Values that may carry credentials are never echoed.
    const shown = secretVariables.has(name) ? "" : `=${JSON.stringify(env[name])}`;
    throw new ConfigError(
      `Configuration error: ${name}${shown} is invalid (${issue?.message}). Fix or unset ${name} and start again.`,
    );
  }
  const e = parsed.data;
  if (e.NODE_ENV === "production" && !e.AUTH_SECRET) {
    throw new ConfigError(
      "Configuration error: AUTH_SECRET is required in production (at least 32 random characters).",
    );
  }
  if (e.NODE_ENV === "production" && !e.SMTP_URL) {
    throw new ConfigError(
      "Configuration error: SMTP_URL is required in production (e.g. smtps://user:pass@mail.example.com:465); the local mail sink is for development only.",
    );
  }
  if (e.NODE_ENV === "production" && e.ATRIUM_TEST_CLOCK_FILE) {
    throw new ConfigError(
      "Configuration error: ATRIUM_TEST_CLOCK_FILE moves the server's time for tests and is refused in production. Unset ATRIUM_TEST_CLOCK_FILE and start again.",
    );
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.ATRIUM_DATA_DIR),
    role: e.ATRIUM_ROLE,
    runsWeb: e.ATRIUM_ROLE !== "worker",
    runsWorker: e.ATRIUM_ROLE !== "web",
    embeddedPgPort: e.ATRIUM_PG_PORT,
    authSecret: e.AUTH_SECRET,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailBounceToken: e.MAIL_BOUNCE_TOKEN,
    firmSmtpInternalHosts: e.FIRM_SMTP_INTERNAL_HOSTS ?? (e.NODE_ENV === "production" ? "refuse" : "allow"),
    webhookInternalHosts: e.WEBHOOK_INTERNAL_HOSTS ?? (e.NODE_ENV === "production" ? "refuse" : "allow"),
    smsGatewayUrl: e.SMS_GATEWAY_URL,
    smsGatewayToken: e.SMS_GATEWAY_TOKEN,
    logLevel: e.LOG_LEVEL,
    uploadLimitBytes: Math.round(e.ATRIUM_UPLOAD_LIMIT_MB * 1024 * 1024),
    testClockFile: e.ATRIUM_TEST_CLOCK_FILE ? path.resolve(e.ATRIUM_TEST_CLOCK_FILE) : undefined,
    trustedProxies: splitList(e.ATRIUM_TRUSTED_PROXIES ?? ""),
    metricsToken: e.METRICS_TOKEN,
    shutdownTimeoutMs: Math.round(e.ATRIUM_SHUTDOWN_TIMEOUT_S * 1000),
  };
}

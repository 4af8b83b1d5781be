import type { FastifyInstance } from "fastify";

/** How often connections that went idle while closing are closed (a finished request's keep-alive). */
const IDLE_SWEEP_MS = 100;
/** After the deadline, how long the remaining close steps (onClose hooks) may still take. */
const AFTER_DEADLINE_MS = 1_000;

/**
 * Closes the app's HTTP side by `deadline` (epoch ms): the listener stops accepting at once, requests
 * in flight run to their end, and each connection is closed as soon as it has no request left (Node
 * would otherwise keep a finished request's keep-alive connection open for its timeout). Requests
 * still running at the deadline are cut. Resolves with how many connections had to be cut (0 = all
 * requests finished).
 */
export async function closeHttpGracefully(app: FastifyInstance, deadline: number): Promise<number> {
  const server = app.server;
  const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
  let timer: NodeJS.Timeout | undefined;
  // A failing onClose hook must not stall the shutdown: the listener is closed either way.
  const closed = app.close().then(
    () => "closed" as const,
    () => "closed" as const,
  );
  const expired = new Promise<"expired">((resolve) => {
    timer = setTimeout(() => resolve("expired"), Math.max(0, deadline - Date.now()));
  });
  try {
    if ((await Promise.race([closed, expired])) === "closed") return 0;
    const cut = await new Promise<number>((resolve) =>
      server.getConnections((error, count) => resolve(error ? 1 : count)),
    );
    server.closeAllConnections();
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, AFTER_DEADLINE_MS))]);
    return Math.max(cut, 1);
  } finally {
    clearInterval(sweep);
    clearTimeout(timer);
  }
}

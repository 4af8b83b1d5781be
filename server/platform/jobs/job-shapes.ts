import { z } from "zod";
import { defineJob, type JobDefinition } from "./queue.js";

const noPayload = z.object({});

// Definitions are declared at module level (their names and payloads are the queue's contract); the
// module binds the real handler to its process's dependencies when it registers the job.
function unbound(name: string) {
  return async () => {
    throw new Error(`${name}: the handler is bound when the job is registered`);
  };
}

/** A sweep run every minute that finds due work across firms; never retried: the next tick sweeps again. */
export function everyMinuteSweep(name: string): JobDefinition<typeof noPayload> {
  return defineJob({
    name,
    payload: noPayload,
    retryLimit: 0,
    retryDelay: 60,
    retryBackoff: false,
    cron: "* * * * *",
    handler: unbound(name),
  });
}

/** One piece of work a sweep found (a reminder, a digest): taken 20 at a time, retried with backoff. */
export function sweptWorkJob<S extends z.ZodType>(
  name: string,
  payload: S,
  expireInSeconds: number,
): JobDefinition<S> {
  return defineJob({
    name,
    payload,
    batchSize: 20,
    expireInSeconds,
    retryLimit: 5,
    retryDelay: 10,
    retryBackoff: true,
    handler: unbound(name),
  });
}

/** The source of "now" for everything time-based, so tests can move time instead of waiting. */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** Apps whose process is shutting down: readiness answers 503 for them while requests drain. */
const drainingApps = new WeakSet<object>();

/** Marks `app` as draining: from now on its readiness probe fails, so balancers send no new work. */
export function markDraining(app: object): void {
  drainingApps.add(app);
}

/** Whether `app` is draining (its process received a shutdown signal or it is closing). */
export function isDraining(app: object): boolean {
  return drainingApps.has(app);
}

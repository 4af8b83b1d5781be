/** The project root. */
export const root: string;
/** True when `output` is missing or older than any file in `sourceDirs` or `files` (relative to root). */
export function isStale(output: string, sourceDirs: string[], files?: string[]): boolean;
/** Runs a Node script of the project with inherited output; returns its exit code. */
export function runNode(args: string[]): number;
/** Builds the web app into dist/web with Vite when stale; exits the process when the build fails. */
export function buildWebIfStale(): void;
/** Bundles the server into dist/server/main.js when stale; returns the bundle's path. */
export function buildServerIfStale(): Promise<string>;

import { germanDemoFiles } from "./demo-files-de.js";
import { frenchDemoFiles } from "./demo-files-fr.js";
import { seed004DemoFiles } from "./demo-files-seed004.js";
import type { DemoFile } from "./demo-types.js";

export { generatedDemoFiles } from "./demo-generated.js";
export type { DemoContract, DemoFile, DemoPerson } from "./demo-types.js";

/** The hand-written demo files: the seed-004 example first, then German and French households and companies. */
export const demoFiles: DemoFile[] = [...seed004DemoFiles, ...germanDemoFiles, ...frenchDemoFiles];

/**
 * A file of the build's output folder as the build steps after Astro name it (the output sweep,
 * the search index, host headers): relative to the output folder, `/`-separated
 * (`be/analyses/x/index.html`), whatever the platform.
 */
import { relative, sep } from 'node:path';

/** A path under the output folder, `/`-separated. */
export type OutputPath = string & { readonly __outputPath: unique symbol };

/** The output path of `absolute`, a file inside the output folder `outDir`. */
export function outputPath(outDir: string, absolute: string): OutputPath {
  return relative(outDir, absolute).split(sep).join('/') as OutputPath;
}

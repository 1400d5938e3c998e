/**
 * Lets `astro build` write into an output folder on another file system than the project (a
 * mounted volume, `/dev/shm`, a tmpfs `/tmp`). Astro 7.3 builds the assets of prerendered pages
 * (cover images) into `<working folder>/.astro/.prerender/` when the output folder lies outside the
 * working folder, then moves them into place with `fs.promises.rename`, which cannot cross file
 * systems: the build died with EXDEV (astro/dist/core/build/static-build.js, `ssrMoveAssets`).
 *
 * For the build's process only, a rename that fails with EXDEV is done as `mv` does it: copy,
 * then remove the source. Every other outcome of a rename is untouched. Drop this file when
 * Astro moves those assets across file systems itself.
 */
import fs from 'node:fs';
import type { AstroIntegration } from 'astro';

/** `rename`, falling back to copy and remove when source and target are on different file systems. */
export function renameAcrossDevices(rename: typeof fs.promises.rename): typeof fs.promises.rename {
  return async (from, to) => {
    try {
      await rename(from, to);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EXDEV') throw error;
      const path = (p: fs.PathLike) => (Buffer.isBuffer(p) ? p.toString() : p);
      await fs.promises.cp(path(from), path(to), { recursive: true, force: true, errorOnExist: false });
      await fs.promises.rm(from, { recursive: true, force: true });
    }
  };
}

let installed = false;

/** The integration: installs the fallback when the command is `astro build`. */
export default function crossDeviceRename(): AstroIntegration {
  return {
    name: 'barometer:cross-device-rename',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build' || installed) return;
        fs.promises.rename = renameAcrossDevices(fs.promises.rename.bind(fs.promises));
        installed = true;
      },
    },
  };
}

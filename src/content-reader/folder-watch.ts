/**
 * The preview's watch of the content folder: one inotify watch per folder (`fs.watch`), where
 * Vite's watcher keeps a watch and a stat per file; setting those up for 10,000 analyses took
 * about 0.9 s of CPU at every start of `astro dev`. The loader re-reads the whole folder on any
 * change (src/content-reader/files.ts: only files whose stamp moved are read), so a change only
 * has to be noticed, not named. Text files are left out of Vite's watch (astro.config.ts); images
 * stay in it, since pages import them and a replaced cover image must reach the page.
 */
import { type FSWatcher, readdirSync, watch } from 'node:fs';
import { join } from 'node:path';

/** The folders below `dir` (itself included), hidden ones left out as the reader leaves them out. */
function folders(dir: string, out: string[] = []): string[] {
  out.push(dir);
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out; // gone meanwhile: the reader reports a missing content folder
  }
  for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.')) folders(join(dir, e.name), out);
  return out;
}

/** A running watch of one content folder. */
export interface FolderWatch {
  /** Called after any change below the folder (several times for one save). */
  readonly listeners: Set<() => void>;
  close(): void;
}

/** Starts watching `dir` and every folder below it, new ones included. */
export function watchFolder(dir: string): FolderWatch {
  const watchers = new Map<string, FSWatcher>();
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };
  // Folders come and go with renames (a new folder, a moved one): the set is brought up to date then.
  const update = () => {
    const now = new Set(folders(dir));
    for (const [path, w] of watchers) {
      if (now.has(path)) continue;
      w.close();
      watchers.delete(path);
    }
    for (const path of now) {
      if (watchers.has(path)) continue;
      try {
        const w = watch(path, { persistent: false }, (event) => {
          if (event === 'rename') update();
          changed();
        });
        // A folder removed while watched: its parent's watch reports the removal.
        w.on('error', () => {
          w.close();
          watchers.delete(path);
        });
        watchers.set(path, w);
      } catch {
        // Removed between the listing and the watch: the parent's event follows.
      }
    }
  };
  update();
  return {
    listeners,
    close() {
      for (const w of watchers.values()) w.close();
      watchers.clear();
      listeners.clear();
    },
  };
}

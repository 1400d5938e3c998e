/**
 * Makes the editors' form's kept bundle (src/build-cache/cms-bundle.ts) in a process of its own:
 * `node cms-bundle-process.ts <root> <entry> <cacheDir> <base>`. Started by the build only when a
 * source of the bundle changed; a failure ends it with its message on stderr and exit code 1.
 */
import { keptBundle } from './cms-bundle.ts';

const [root, entry, cacheDir, base] = process.argv.slice(2);
if (!root || !entry || !cacheDir || !base) {
  process.stderr.write('usage: node cms-bundle-process.ts <root> <entry> <cacheDir> <base>\n');
  process.exit(1);
}
try {
  await keptBundle(root, entry, cacheDir, base);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

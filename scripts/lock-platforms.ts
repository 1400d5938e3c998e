/**
 * `npm run lock:platforms`: adds package-lock entries for other platforms' optional binaries
 * (Pagefind's and Astro's compiler builds for macOS, Windows, ...) when npm left them out.
 *
 * Why: the npm registry mirror these machines use does not serve those platform packages, so
 * `npm install` writes a lock without them, and `npm ci` then refuses the lock as out of sync.
 * An entry that names the package's `os`/`cpu` is enough: npm ci skips it on other platforms
 * without downloading anything. Run it after any `npm install` that rewrites the lock.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** The lock's package entries, as far as this script reads them. */
interface LockEntry {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  optionalDependencies?: Record<string, string>;
}

const OS = ['darwin', 'win32', 'android', 'freebsd', 'openbsd', 'netbsd', 'sunos', 'aix', 'openharmony', 'linux'];
const CPU = ['arm64', 'x64', 'ia32', 'wasm32', 'riscv64', 's390x', 'ppc64', 'loong64', 'arm'];

const file = process.argv[2] ?? 'package-lock.json';
const lock = JSON.parse(readFileSync(file, 'utf8')) as { packages: Record<string, LockEntry> };
let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    if (lock.packages[`node_modules/${name}`] || lock.packages[`${path}/node_modules/${name}`]) continue;
    const os = OS.find((o) => name.includes(o));
    const cpu = CPU.find((c) => name.includes(c));
    if (!os && !cpu) continue; // not a platform binary: leave npm's decision alone
    lock.packages[`node_modules/${name}`] = {
      version: range.replace(/^[\^~=]/, ''),
      dev: entry.dev ?? true,
      optional: true,
      ...(os ? { os: [os] } : {}),
      ...(cpu ? { cpu: [cpu] } : {}),
    };
    added += 1;
  }
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock:platforms: added ${added} platform entr${added === 1 ? 'y' : 'ies'} to ${file}`);

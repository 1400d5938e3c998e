/**
 * Every failure a user can cause ends `npm run build`, `npm run dev` and `npm run preview` with
 * one line and exit code 1, never a stack trace: a full disk, a folder that cannot be written,
 * a second preview of the same project, content problems (already listed above the line).
 *
 * Astro's command line catches every error in one place and hands it to its `throwAndExit`
 * (astro/dist/cli/throw-and-exit.js), which prints the message, hints, the stack and the causes'
 * stacks. The npm scripts preload this module (`node --import ./scripts/lib/one-line-errors.ts
 * node_modules/astro/bin/astro.mjs …`: a preload, not a wrapper script, because Astro recognises
 * a running preview by that command line), which redirects that one import to the `throwAndExit`
 * below. `BAROMETER_DEBUG=1` leaves Astro's own report in place (a bug of ours deserves its stack).
 */
import { statfsSync } from 'node:fs';
import { registerHooks } from 'node:module';

/**
 * Where the build writes, published by src/build-cache/interrupted-build.ts once Astro has
 * resolved its configuration: a write fails without a path (`write` on an open file), and the
 * line should still say which folder's disk is full.
 */
export const BUILD_FOLDERS = Symbol.for('barometer.build-folders');

/** The folders a build writes to, when the build got far enough to know them. */
function buildFolders(): string[] {
  const folders = (globalThis as Record<symbol, unknown>)[BUILD_FOLDERS];
  return Array.isArray(folders) ? folders.filter((f): f is string => typeof f === 'string') : [];
}

/** Of the folders a build writes to, the one on the fullest disk, with what is left there. */
function fullestFolder(): string | undefined {
  const free = buildFolders().flatMap((folder) => {
    try {
      const s = statfsSync(folder);
      return [{ folder, bytes: s.bavail * s.bsize }];
    } catch {
      return [];
    }
  });
  const [fullest] = free.sort((a, b) => a.bytes - b.bytes);
  return fullest && `${fullest.folder} (${Math.round(fullest.bytes / 1024)} KB free)`;
}

/** What a failed system call is about, in words: the code, the call and the path Node reports. */
interface SystemError {
  code: string;
  syscall?: string;
  path?: string;
  dest?: string;
}

/** Operating-system error numbers as Rust tools (Rolldown, the bundler Vite uses) print them: `(os error 28)`. */
const OS_ERRORS: Readonly<Record<string, string>> = { '13': 'EACCES', '1': 'EPERM', '24': 'EMFILE', '23': 'ENFILE', '28': 'ENOSPC', '30': 'EROFS', '122': 'EDQUOT' };

/**
 * The first error in `error`'s causes (`cause`, and the `errors` an aggregate carries) that
 * carries a system error code (ENOSPC, EACCES…). A failure inside Rolldown arrives as text only
 * ("Failed to write file in <path> … (os error 28)"): its number and path are read from it.
 */
function systemError(error: unknown): SystemError | undefined {
  const queue: unknown[] = [error];
  for (let seen = 0; queue.length > 0 && seen < 50; seen += 1) {
    const e = queue.shift();
    if (typeof e !== 'object' || e === null) continue;
    if ('code' in e && typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code)) return e as SystemError;
    const message = 'message' in e && typeof e.message === 'string' ? e.message : '';
    const os = /\(os error (\d+)\)/.exec(message)?.[1];
    const code = os === undefined ? undefined : OS_ERRORS[os];
    if (code !== undefined) {
      const path = /(?:write|read|create|open|remove) (?:file|directory|dir)? ?in (\S+)/i.exec(message)?.[1];
      return { code, ...(path === undefined ? {} : { path }) };
    }
    if ('cause' in e) queue.push(e.cause);
    if ('errors' in e && Array.isArray(e.errors)) queue.push(...(e.errors as unknown[]));
  }
  return undefined;
}

/** The message of an error or anything thrown, first line only (Astro's messages run over several). */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n').find((l) => l.trim() !== '') ?? message).trim();
}

/** Why a system call failed, as one line naming the path and what was expected. */
function explainSystemError(e: SystemError): string {
  const where = e.path ?? e.dest ?? 'a file';
  switch (e.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `no space left on the device holding ${e.path ?? e.dest ?? fullestFolder() ?? 'a file'} (${e.code}), expected room for the output and cache folders: free some space, or build elsewhere with --outDir, then build again`;
    case 'EROFS':
      return `${where} is on a read-only file system (EROFS), expected writable output and cache folders`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied on ${where} (${e.code}${e.syscall ? `, ${e.syscall}` : ''}), expected output and cache folders this user may write`;
    case 'EMFILE':
    case 'ENFILE':
      return `too many open files (${e.code}), expected a higher limit (ulimit -n)`;
    default:
      return `${e.syscall ?? 'a file operation'} on ${where} failed (${e.code})`;
  }
}

/**
 * The one line for an error a command ended with. Content problems are listed above it already,
 * so their summary is the line; a second preview names the one running.
 */
export function oneLine(command: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith('Another astro dev server is already running')) {
    const url = /URL:\s*(\S+)/.exec(message)?.[1] ?? 'its address';
    const pid = /PID:\s*(\d+)/.exec(message)?.[1];
    return `${command}: a preview of this project is already running at ${url}${pid ? ` (process ${pid})` : ''}, expected one at a time: open that one, stop it with \`npx astro dev stop\`, or replace it with \`npm run dev -- --force\``;
  }
  if (error instanceof Error && error.name === 'ContentProblemsError') return message;
  const system = systemError(error);
  if (system) return `${command}: ${explainSystemError(system)}`;
  return `${command} failed: ${firstLine(error)} (BAROMETER_DEBUG=1 prints the stack trace)`;
}

/** The replacement for Astro's `throwAndExit`: one line on stderr, exit code 1. */
export async function throwAndExit(command: string, error: unknown): Promise<void> {
  if (process.env['BAROMETER_DEBUG']) {
    const astro = (await import(ASTRO_THROW_AND_EXIT)) as { throwAndExit: (cmd: string, err: unknown) => Promise<void> };
    return astro.throwAndExit(command, error);
  }
  // On a line of its own: Astro may have left its progress line open (a page's path, before its time).
  console.error(`\n${oneLine(command, error)}`);
  process.exit(1);
}

/** Astro's own module, resolved from its command line (the one import redirected below). */
const ASTRO_THROW_AND_EXIT = import.meta.resolve('astro/package.json').replace(/package\.json$/, 'dist/cli/throw-and-exit.js');

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === './throw-and-exit.js' && context.parentURL?.endsWith('/astro/dist/cli/index.js')) return { url: import.meta.url, shortCircuit: true };
    return nextResolve(specifier, context);
  },
});

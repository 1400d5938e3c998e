/** The one line a failed `npm run build` / `dev` / `preview` ends with (scripts/lib/one-line-errors.ts). */
import { describe, expect, it } from 'vitest';
import { oneLine } from '../../scripts/lib/one-line-errors.ts';

/** A system error as Node makes them. */
function systemError(code: string, syscall: string, path?: string): Error {
  return Object.assign(new Error(`${code}: ${syscall} failed`), { code, syscall, ...(path === undefined ? {} : { path }) });
}

describe('oneLine', () => {
  it('passes the content summary through (the problems are listed above it)', () => {
    const error = Object.assign(new Error('content: 2 error(s) in 1 file(s), listed above (npm run validate prints the same list)'), { name: 'ContentProblemsError' });
    expect(oneLine('build', error)).toBe('content: 2 error(s) in 1 file(s), listed above (npm run validate prints the same list)');
  });

  it('explains a system error found anywhere in the chain of causes, with its path and what was expected', () => {
    const wrapped = new Error('An unhandled error occurred while running the "astro:build:done" hook', { cause: systemError('EACCES', 'open', '/srv/site/dist/_headers') });
    expect(oneLine('build', wrapped)).toBe('build: permission denied on /srv/site/dist/_headers (EACCES, open), expected output and cache folders this user may write');
    expect(oneLine('build', systemError('ENOSPC', 'write', '/mnt/full/dist/index.html'))).toMatch(/^build: no space left on the device holding \/mnt\/full\/dist\/index\.html \(ENOSPC\), expected room/);
    expect(oneLine('build', systemError('EROFS', 'mkdir', '/ro/dist'))).toBe('build: /ro/dist is on a read-only file system (EROFS), expected writable output and cache folders');
  });

  it('reads a full disk from the bundler\'s text (Rolldown reports an OS error number inside an aggregate)', () => {
    const rolldown = new Error('[UNHANDLEABLE_ERROR] Something went wrong inside rolldown.\nFailed to write file in /mnt/full/dist/_astro/a.js\n\nCaused by:\n    No space left on device (os error 28)');
    const aggregate = Object.assign(new Error('Build failed with 1 error:'), { errors: [rolldown] });
    expect(oneLine('build', aggregate)).toMatch(/^build: no space left on the device holding \/mnt\/full\/dist\/_astro\/a\.js \(ENOSPC\), expected room/);
  });

  it('names the preview already running', () => {
    const message = 'Another astro dev server is already running.\n\n  URL:  http://localhost:4321/\n  PID:  4242\n\nRun `astro dev stop` to stop it, or use `astro dev --force` to replace it.';
    expect(oneLine('dev', new Error(message))).toBe(
      'dev: a preview of this project is already running at http://localhost:4321/ (process 4242), expected one at a time: open that one, stop it with `npx astro dev stop`, or replace it with `npm run dev -- --force`',
    );
  });

  it('keeps any other error to its first line, saying how to see the stack', () => {
    expect(oneLine('build', new Error('\nSomething broke\n  at x (y.js:1:2)'))).toBe('build failed: Something broke (BAROMETER_DEBUG=1 prints the stack trace)');
  });
});

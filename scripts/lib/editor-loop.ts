/**
 * The editor's loop in `astro dev`, as the benchmark measures it: how long until the first
 * analysis page answers after starting the preview (first start, then a restart that keeps the
 * preview's data store and rendered HTML), and how long a saved edit takes to reach that page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { median } from './stats.ts';

/** The figures, in seconds. */
export interface EditorLoop {
  /** First start with no preview data store: `astro dev` launched to the page answering. */
  first_start_s: number;
  /** Restart with the data store and rendered HTML of the first start kept. */
  restart_s: number;
  /** A new title saved to the page showing it (median of the edits). */
  edit_visible_s: number;
  /**
   * Where the restart's seconds go: from launch to Astro's "Syncing content" (start-up: Vite,
   * the config, the data store read back), to "Synced content" (our loader and Astro's store
   * write), and the rest to the page answering (the first request: modules, site model, route).
   */
  restart_phases: { start_up_s: number; content_sync_s: number; first_request_s: number };
  /** The machine's 1-minute load average as the restart began (the seconds stretch with it on a shared machine). */
  restart_load: number;
}

/** A free TCP port on 127.0.0.1. */
async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => ok(port));
    });
  });
}

/** The page's `<h1>` text, or undefined while it does not answer 200. */
async function heading(url: string): Promise<string | undefined> {
  try {
    const res = await fetch(url);
    const html = await res.text();
    return res.status === 200 ? /<h1[^>]*>([^<]*)</.exec(html)?.[1] : undefined;
  } catch {
    return undefined;
  }
}

/** Polls until `done` holds for the page's heading; seconds taken, or throws after `limitS`. */
async function until(url: string, done: (h1: string | undefined) => boolean, limitS: number, log: () => string): Promise<number> {
  const start = performance.now();
  while (!done(await heading(url))) {
    if (performance.now() - start > limitS * 1000) throw new Error(`editor loop: ${url} not as expected within ${limitS} s\n${log().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return (performance.now() - start) / 1000;
}

/** A running `astro dev` and its output. */
interface Preview {
  child: ChildProcess;
  output: () => string;
  /** Seconds from launch to the first output line holding each of MARKS. */
  marks: Map<string, number>;
}

/** Astro's log lines that bound the content sync. */
const MARKS = ['Syncing content', 'Synced content'];

/** Starts `astro dev` in `project` on `port`. */
function startPreview(node: string, project: string, port: number, env: NodeJS.ProcessEnv): Preview {
  let output = '';
  const started = performance.now();
  const marks = new Map<string, number>();
  const child = spawn(node, ['--max-old-space-size=16384', 'node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: project,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const take = (d: Buffer) => {
    const text = d.toString();
    output += text;
    for (const mark of MARKS) if (!marks.has(mark) && text.includes(mark)) marks.set(mark, (performance.now() - started) / 1000);
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  return { child, output: () => output, marks };
}

/** Stops a preview and waits for it to exit (so the next start finds its files written). */
async function stopPreview(preview: Preview): Promise<void> {
  if (preview.child.exitCode !== null) return;
  const exited = new Promise((r) => preview.child.once('exit', r));
  preview.child.kill('SIGINT');
  const timer = setTimeout(() => preview.child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Measures the loop on the project copy `project` (its content folder is edited): `file` is an
 * English analysis, relative to the project, whose page is `/analyses/<slug>/`.
 */
export async function measureEditorLoop(node: string, project: string, file: string, env: NodeJS.ProcessEnv, edits = 3): Promise<EditorLoop> {
  const slug = file.split('/').at(-1)?.replace(/\.md$/, '') ?? '';
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/analyses/${slug}/`;
  const limit = 900;
  let preview = startPreview(node, project, port, env);
  try {
    const first = await until(url, (h) => h !== undefined, limit, preview.output);
    await stopPreview(preview);
    const restartLoad = loadavg()[0] ?? Number.NaN;
    preview = startPreview(node, project, port, env);
    const restart = await until(url, (h) => h !== undefined, limit, preview.output);
    const syncing = preview.marks.get('Syncing content') ?? Number.NaN;
    const synced = preview.marks.get('Synced content') ?? Number.NaN;
    const restartPhases = { start_up_s: syncing, content_sync_s: synced - syncing, first_request_s: restart - synced };
    const path = join(project, file);
    const original = await readFile(path, 'utf8');
    const times: number[] = [];
    for (let i = 1; i <= edits; i += 1) {
      const title = `Edited in the preview, take ${i}`;
      const started = performance.now();
      await writeFile(path, original.replace(/^title: .*$/m, `title: "${title}"`));
      await until(url, (h) => h === title, 120, preview.output);
      times.push((performance.now() - started) / 1000);
    }
    await writeFile(path, original);
    return { first_start_s: first, restart_s: restart, edit_visible_s: median(times), restart_phases: restartPhases, restart_load: restartLoad };
  } finally {
    await stopPreview(preview);
  }
}

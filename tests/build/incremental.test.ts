/**
 * Incremental builds (Astro's `experimental.incrementalBuild`, keyed by src/lib/cache-key.ts)
 * must write exactly what a cold build of the same content writes: a page copied from the
 * previous build while something it shows has changed would be a stale page nobody notices.
 *
 * Starting from a cold build of the sample content, six rounds of edits are each built twice:
 * warm (incremental, on the first build's cache and output) and cold (fresh cache, fresh
 * output). The two outputs must be byte-identical, and the warm build must have copied most
 * keyed pages instead of rendering them, or the comparison would prove nothing.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSET_IMPORTS_FILE } from '../../src/build-cache/fresh-asset-imports.ts';
import { buildSite } from '../helpers/build-site.ts';
import { treeDigest } from '../helpers/tree-digest.ts';

let dir: string;
const content = (): string => join(dir, 'content');

/** Files whose bytes differ between two output trees, plus files only one of them has. */
async function differences(a: string, b: string): Promise<string[]> {
  const [x, y] = await Promise.all([treeDigest(a), treeDigest(b)]);
  const paths = new Set([...x.keys(), ...y.keys()]);
  return [...paths].filter((p) => x.get(p) !== y.get(p)).sort();
}

/** Pages Astro logged as copied from the previous build ("(cached)" or "(restored)"). */
function reused(log: string): number {
  return log.match(/\((?:cached|restored)\)/g)?.length ?? 0;
}

/** Pages Astro rendered (a "├─" line without the reuse marker). */
function rendered(log: string): string[] {
  // Astro colours its log lines; strip the escape codes before reading paths.
  const plain = log.replace(/\u001b\[[0-9;]*m/g, '');
  return plain.split('\n').filter((l) => l.includes('├─') && !/\((?:cached|restored)\)/.test(l)).map((l) => l.split('├─ ')[1]?.split(' ')[0] ?? '');
}

/** The first English analysis, by file name: the one the test edits. */
async function firstEnglish(): Promise<string> {
  const files = (await readdir(join(content(), 'analyses/en'))).filter((f) => f.endsWith('.md')).sort();
  return join(content(), 'analyses/en', files[0] ?? '');
}

const rounds: { warmLog: string; warmPage: string; different: string[]; editedPage: string; editedText: string }[] = [];

/** Builds warm (cache and output of the first build) and cold (all fresh), then compares. */
async function round(n: number, editedPage: string, editedText: string): Promise<void> {
  // Between two builds of one content folder, builds of other folders in this project (fixtures,
  // the benchmark corpus) rewrite Astro's shared list of content image imports; a folder without
  // images leaves it empty. The warm build must still find the sample's cover image.
  await writeFile(join(process.cwd(), ASSET_IMPORTS_FILE), 'export default new Map();');
  const warm = await buildSite(content(), join(dir, 'out-warm'), join(dir, 'cache-warm'));
  await buildSite(content(), join(dir, `out-cold-${n}`), join(dir, `cache-cold-${n}`));
  // The edited page as the warm build wrote it (a later round may delete it).
  const warmPage = await readFile(join(dir, 'out-warm', editedPage), 'utf8').catch(() => '');
  rounds.push({ warmLog: warm.stdout, warmPage, different: await differences(join(dir, 'out-warm'), join(dir, `out-cold-${n}`)), editedPage, editedText });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'barometer-incremental-'));
  await cp(join(process.cwd(), 'content'), content(), { recursive: true });
  await buildSite(content(), join(dir, 'out-warm'), join(dir, 'cache-warm'));

  // Round 1: one analysis gets a new title and a new closing sentence. Its neighbours, related
  // pieces, week, listings and feeds show the title; nothing site-wide changes.
  const file = await firstEnglish();
  const slug = file.split('/').at(-1)?.replace(/\.md$/, '') ?? '';
  const source = await readFile(file, 'utf8');
  await writeFile(file, source.replace(/^title: .*$/m, 'title: "A retitled analysis for the incremental test"') + '\nA sentence added by the incremental-build test.\n');
  await round(1, `analyses/${slug}/index.html`, 'A retitled analysis for the incremental test');

  // Round 2: an actor is renamed (site-wide data: every page may name it) and a new, newest
  // analysis appears (every listing page shifts by one).
  const actorFile = join(content(), 'actors', (await readdir(join(content(), 'actors'))).sort()[0] ?? '');
  const actor: unknown = parse(await readFile(actorFile, 'utf8'));
  if (typeof actor !== 'object' || actor === null || !('name' in actor)) throw new Error(`${actorFile}: no name`);
  const renamed = 'A renamed actor';
  await writeFile(actorFile, stringify({ ...actor, name: typeof actor.name === 'string' ? renamed : { ...(actor.name as object), en: renamed } }));
  const actorId = actorFile.split('/').at(-1)?.replace(/\.yaml$/, '') ?? '';
  const topic = (await readdir(join(content(), 'topics'))).sort()[0]?.replace(/\.yaml$/, '') ?? '';
  await writeFile(
    join(content(), 'analyses/en/2030-01-07-newest-for-the-incremental-test.md'),
    `---\ntitle: "The newest analysis, added by the incremental test"\nsummary: "Added after the first build."\nkind: weekly\nperiod: { start: 2030-01-07, end: 2030-01-13 }\ntopic: ${topic}\ntrend: better\nactors: [${actorId}]\n---\n\nA short body written for the test.\n`,
  );
  await round(2, 'analyses/2030-01-07-newest-for-the-incremental-test/index.html', renamed);

  // Round 3: a cover image is replaced by another file of the same name; the analysis file is
  // untouched. (Bytes after a JPEG's end marker are ignored by decoders but change the file.)
  const covered = (await readdir(join(content(), 'analyses/en'))).find((f) => f.endsWith('.jpg')) ?? '';
  if (covered === '') throw new Error('the sample content has no cover image to replace');
  const image = join(content(), 'analyses/en', covered);
  await writeFile(image, Buffer.concat([await readFile(image), Buffer.from('replaced by the incremental test')]));
  await round(3, `analyses/${covered.replace(/\.jpg$/, '')}/index.html`, '<picture>');

  // Round 4: the analysis added in round 2 is deleted. The output folder is kept between builds
  // (src/build-cache/kept-output.ts), so its page, citation files and week must be removed.
  await rm(join(content(), 'analyses/en/2030-01-07-newest-for-the-incremental-test.md'));
  await round(4, 'analyses/2030-01-07-newest-for-the-incremental-test/index.html', '');

  // Round 5: enough "worse" analyses on one topic that /trends/worse/ has a second page.
  const topics = (await readdir(join(content(), 'topics'))).sort().map((f) => f.replace(/\.yaml$/, ''));
  const [first = '', second = ''] = topics;
  for (let i = 0; i < 21; i += 1) {
    const monday = new Date(Date.UTC(2031, 0, 6 + 7 * i)).toISOString().slice(0, 10);
    const sunday = new Date(Date.UTC(2031, 0, 12 + 7 * i)).toISOString().slice(0, 10);
    await writeFile(
      join(content(), `analyses/en/${monday}-worse-for-the-incremental-test.md`),
      `---\ntitle: "Worse again, week ${i + 1}"\nsummary: "Added so a verdict listing has two pages."\nkind: weekly\nperiod: { start: ${monday}, end: ${sunday} }\ntopic: ${first}\ntrend: worse\n---\n\nA short body written for the test.\n`,
    );
  }
  await round(5, 'trends/worse/2/index.html', '');

  // Round 6: the newest of them (on page 1 of /trends/worse/) moves to another topic. Page 2
  // lists the same analyses as before, but its per-topic counts cover the whole listing.
  const moved = join(content(), 'analyses/en/2031-05-26-worse-for-the-incremental-test.md');
  await writeFile(moved, (await readFile(moved, 'utf8')).replace(`topic: ${first}`, `topic: ${second}`));
  await round(6, 'trends/worse/2/index.html', '');
}, 1_800_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('an incremental rebuild', () => {
  it('removes the page, citation files and week of a deleted analysis from the kept output folder', async () => {
    const r = rounds[3];
    expect(r, 'round 4 did not run').toBeDefined();
    const out = join(dir, 'out-warm');
    const left = (await readdir(out, { recursive: true })).filter((p) => p.includes('2030-01-07'));
    expect(left).toEqual([]);
    // The round-2 build had written them: the check above is not vacuous.
    expect(rendered(rounds[1]?.warmLog ?? '')).toContain(`/${rounds[1]?.editedPage ?? '?'}`);
  });

  it.each([1, 2, 3, 4, 5, 6])('round %i: writes the same files with the same bytes as a cold build', (n) => {
    const r = rounds[n - 1];
    expect(r, `round ${n} did not run`).toBeDefined();
    expect(r?.different).toEqual([]);
  });

  it('copies most keyed pages after a one-analysis edit and renders the edited one', async () => {
    const r = rounds[0];
    expect(r).toBeDefined();
    if (!r) return;
    const renderedPages = rendered(r.warmLog);
    expect(reused(r.warmLog)).toBeGreaterThan(renderedPages.length);
    expect(renderedPages).toContain(`/${r.editedPage}`);
    // Round 2 rebuilt the output again; the round-1 title must have survived it.
    expect(await readFile(join(dir, 'out-warm', r.editedPage), 'utf8')).toContain(r.editedText);
  });

  it('renders the page of a replaced cover image again, with the new image', () => {
    const r = rounds[2];
    expect(r).toBeDefined();
    if (!r) return;
    expect(rendered(r.warmLog)).toContain(`/${r.editedPage}`);
  });

  it('renders the new analysis and shows the renamed actor after a site-wide edit', async () => {
    const r = rounds[1];
    expect(r).toBeDefined();
    if (!r) return;
    expect(rendered(r.warmLog)).toContain(`/${r.editedPage}`);
    expect(r.warmPage).toContain(r.editedText);
  });
});

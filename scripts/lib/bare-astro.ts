/**
 * A bare Astro 7 site for the bench's yardstick: the same analyses, one page each, built by Astro's
 * defaults (glob() loader, no schema, the default Markdown processor, no search, no listings), so
 * the bench can report our pages per second as a ratio of what Astro alone manages on the machine.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const CONFIG = `import { defineConfig } from 'astro/config';
export default defineConfig({ output: 'static' });
`;

const COLLECTIONS = `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
// Ids from the path: the same slug exists in several languages.
const analyses = defineCollection({ loader: glob({ pattern: '**/*.md', base: './content/analyses', generateId: ({ entry }) => entry.replace(/\\.md$/, '') }) });
export const collections = { analyses };
`;

const PAGE = `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('analyses')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en"><head><meta charset="utf-8" /><title>{String(entry.data.title)}</title></head><body><h1>{String(entry.data.title)}</h1><Content /></body></html>
`;

/** Writes the bare site into `dir`, reading analyses from `contentDir` and packages from `nodeModules`. */
export async function writeBareSite(dir: string, contentDir: string, nodeModules: string): Promise<void> {
  await mkdir(join(dir, 'src/pages'), { recursive: true });
  await writeFile(join(dir, 'package.json'), '{ "name": "bare-astro", "private": true, "type": "module" }\n');
  await writeFile(join(dir, 'astro.config.mjs'), CONFIG);
  await writeFile(join(dir, 'src/content.config.ts'), COLLECTIONS);
  await writeFile(join(dir, 'src/pages/[...id].astro'), PAGE);
  await symlink(contentDir, join(dir, 'content'));
  await symlink(nodeModules, join(dir, 'node_modules'));
}

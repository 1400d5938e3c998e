/**
 * The content as a build hands it to the search index (src/content-reader/handoff.ts), made
 * without Astro: the content reader's report, each body rendered by the site's renderer into a
 * rendered-HTML folder as the loader writes it. For tests of the index that need no site build.
 */
import { mkdir } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { writeRenderedHtml } from '../../src/build-cache/rendered-html.ts';
import type { ContentRead } from '../../src/content-reader/handoff.ts';
import { readContent } from '../../src/content-reader/index.ts';
import { hashText } from '../../src/lib/hash.ts';
import { renderMarkdown } from '../../src/markdown/render-markdown.ts';

/** Reads `contentDir` and renders its bodies into `renderedHtmlDir`; throws when the content has errors. */
export async function contentRead(contentDir: string, renderedHtmlDir: string): Promise<ContentRead> {
  const root = relative(process.cwd(), resolve(contentDir));
  const report = await readContent(root);
  const errors = report.problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(`${contentDir} has content errors:\n${errors.map((p) => `${p.file}: ${p.field}: ${p.message}`).join('\n')}`);
  if (!report.site) throw new Error(`${contentDir}: no site.yaml`);
  await mkdir(renderedHtmlDir, { recursive: true });
  const analyses = report.analyses.map((a) => {
    const id = a.file.slice(`${root}/analyses/`.length).replace(/\.md$/, '');
    const digest = hashText(a.text);
    writeRenderedHtml(renderedHtmlDir, id, digest, renderMarkdown(a.body, resolve(a.file)).html);
    return { id, digest, data: a.data };
  });
  const entries = <T>(list: { id: string; data: T }[]) => list.map(({ id, data }) => ({ id, data }));
  return { analyses, topics: entries(report.topics), actors: entries(report.actors), authors: entries(report.authors), site: report.site.data, renderedHtmlDir };
}

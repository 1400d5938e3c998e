/**
 * Loads a content tree from disk the way the site does (validator, then the site model), without
 * Astro: for tests that compare pure functions or built pages with what the content says.
 */
import { relative, resolve } from 'node:path';
import { readContentTree } from './content-tree.ts';
import { parseMarkdownSource, parseYamlSource } from '../../src/content-reader/parse.ts';
import { buildSiteModel, type SiteModel } from '../../src/lib/site-model.ts';
import { validateContent } from '../../src/content-reader/index.ts';
import { siteSchema } from '../../src/schemas/site.ts';
import { actorSchema, authorSchema, topicSchema } from '../../src/schemas/taxonomy.ts';

/** A content tree read and checked: the validator's report, raw frontmatter per file and the model. */
export interface LoadedContent {
  report: ReturnType<typeof validateContent>;
  /** Frontmatter of every analysis as written (YAML parsed, before zod), keyed by file path. */
  frontmatter: Map<string, unknown>;
  model: SiteModel;
}

/** Reads `dir` (default: the real sample corpus in `content/`); throws when it has errors. */
export async function loadContent(dir = 'content'): Promise<LoadedContent> {
  const root = relative(process.cwd(), resolve(dir));
  const files = await readContentTree(root);
  const report = validateContent(files, root);
  const errors = report.problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(`${dir} has content errors:\n${errors.map((p) => `${p.file}: ${p.field}: ${p.message}`).join('\n')}`);
  const text = (path: string) => new TextDecoder().decode(files.find((f) => f.path === path)?.bytes);
  const frontmatter = new Map<string, unknown>();
  for (const f of files) if (f.path.startsWith(`${root}/analyses/`) && f.path.endsWith('.md')) frontmatter.set(f.path, parseMarkdownSource(f.path, text(f.path)).data);
  const yaml = <T>(folder: string, parse: (data: unknown) => T) =>
    files
      .filter((f) => f.path.startsWith(`${root}/${folder}/`) && f.path.endsWith('.yaml'))
      .map((f) => ({ id: f.path.slice(`${root}/${folder}/`.length).replace(/\.yaml$/, ''), data: parse(parseYamlSource(f.path, text(f.path)).data) }));
  const model = buildSiteModel({
    analyses: report.analyses.map((a) => ({ id: a.file.slice(`${root}/analyses/`.length).replace(/\.md$/, ''), data: a.data })),
    topics: yaml('topics', (d) => topicSchema.parse(d)),
    actors: yaml('actors', (d) => actorSchema.parse(d)),
    authors: yaml('authors', (d) => authorSchema.parse(d)),
    site: siteSchema.parse(parseYamlSource(`${root}/site.yaml`, text(`${root}/site.yaml`)).data),
  });
  return { report, frontmatter, model };
}

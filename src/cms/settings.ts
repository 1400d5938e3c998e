/**
 * Reads what the form is generated from besides the schema: the site's languages and verdict
 * wording (content/site.yaml), the taxonomy's ids and names (one YAML file per topic, actor and
 * author) and, for a real host, the repository the CMS commits to (environment variables).
 * A file that does not parse is left out of the drop-downs: the build reports it, with its field.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { z } from 'astro/zod';
import { parseYamlSource } from '../content-reader/parse.ts';
import { LANGUAGES, type Language } from '../schemas/primitives.ts';
import { siteSchema } from '../schemas/site.ts';
import { actorSchema, authorSchema, topicSchema } from '../schemas/taxonomy.ts';
import type { Choice, CmsSettings, GitHubBackend, Taxonomy } from './config.ts';

/** Environment variables that name the repository on a real host (see docs/cms.md). */
export const BACKEND_ENV = { repo: 'BAROMETER_CMS_REPO', branch: 'BAROMETER_CMS_BRANCH', authUrl: 'BAROMETER_CMS_AUTH_URL' } as const;

/** Shown as the repository until BAROMETER_CMS_REPO names the real one (the local mode needs none). */
const PLACEHOLDER_REPO = 'your-org/barometer';

/** Every parsed `<id>.yaml` of one taxonomy folder, sorted by id. */
async function readFolder<S extends z.ZodType>(dir: string, schema: S): Promise<{ id: string; data: z.output<S> }[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.yaml')).sort();
  } catch {
    return [];
  }
  const out: { id: string; data: z.output<S> }[] = [];
  for (const name of names) {
    const file = join(dir, name);
    const parsed = schema.safeParse(parseYamlSource(file, await readFile(file, 'utf8')).data);
    if (parsed.success) out.push({ id: basename(name, '.yaml'), data: parsed.data });
  }
  return out;
}

/** A choice's label: its names in every language, each once, so editors find it in any script. */
function label(names: readonly string[]): string {
  return [...new Set(names)].join(' / ');
}

/** The topics, actors and authors of a content folder as drop-down choices. */
export async function readTaxonomy(contentDir: string, languages: readonly Language[]): Promise<Taxonomy> {
  const [topics, actors, authors] = await Promise.all([
    readFolder(join(contentDir, 'topics'), topicSchema),
    readFolder(join(contentDir, 'actors'), actorSchema),
    readFolder(join(contentDir, 'authors'), authorSchema),
  ]);
  const byLabel = (a: Choice, b: Choice) => a.label.localeCompare(b.label, 'en');
  return {
    topics: topics.sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id)).map((t) => ({ value: t.id, label: label(languages.map((l) => t.data.name[l])) })),
    actors: actors.map((a) => ({ value: a.id, label: label(languages.map((l) => a.data.name[l])) })).sort(byLabel),
    authors: authors.map((a) => ({ value: a.id, label: label([a.data.name, ...languages.map((l) => (l === 'en' ? undefined : a.data.names?.[l])).filter((n) => n !== undefined)]) })).sort(byLabel),
  };
}

/** The repository the CMS commits to on a real host, from the environment. */
export function backendFromEnv(env: NodeJS.ProcessEnv): GitHubBackend {
  return {
    repo: env[BACKEND_ENV.repo]?.trim() || PLACEHOLDER_REPO,
    branch: env[BACKEND_ENV.branch]?.trim() || 'main',
    authUrl: env[BACKEND_ENV.authUrl]?.trim() || undefined,
  };
}

/**
 * Everything the form needs from a content folder. Paths in the CMS are relative to the
 * repository root, taken to be the folder that holds the content folder.
 */
export async function readCmsSettings(contentDir: string, env: NodeJS.ProcessEnv = process.env): Promise<CmsSettings> {
  const dir = resolve(contentDir);
  let site: z.output<typeof siteSchema> | undefined;
  try {
    const file = join(dir, 'site.yaml');
    const parsed = siteSchema.safeParse(parseYamlSource(file, await readFile(file, 'utf8')).data);
    site = parsed.success ? parsed.data : undefined;
  } catch {
    site = undefined;
  }
  const languages = site?.languages ?? [...LANGUAGES];
  const [first = 'en'] = languages;
  return {
    languages,
    taxonomy: await readTaxonomy(dir, languages),
    verdictLabels: site ? { worse: site.verdicts.worse[first], unchanged: site.verdicts.unchanged[first], better: site.verdicts.better[first] } : undefined,
    contentPath: relative(dirname(dir), dir).split('\\').join('/'),
    backend: backendFromEnv(env),
    siteUrl: site?.baseUrl ?? '',
  };
}

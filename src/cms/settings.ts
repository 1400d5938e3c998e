/**
 * What the form is generated from besides the schema: the site's languages, verdict wording and
 * taxonomy (from the site context, as the content reader read them) and, for a real host, the
 * repository the CMS commits to (environment variables).
 */
import { relative, resolve, dirname } from 'node:path';
import { NEUTRAL_LOCALE } from '../i18n/languages.ts';
import { authorName } from '../lib/names.ts';
import type { SiteContext } from '../lib/site-model.ts';
import type { Choice, CmsSettings, GitHubBackend, Taxonomy } from './config.ts';

/** Environment variables that name the repository on a real host (see docs/cms.md). */
export const BACKEND_ENV = { repo: 'BAROMETER_CMS_REPO', branch: 'BAROMETER_CMS_BRANCH', authUrl: 'BAROMETER_CMS_AUTH_URL' } as const;

/** Shown as the repository until BAROMETER_CMS_REPO names the real one (the local mode needs none). */
const PLACEHOLDER_REPO = 'your-org/barometer';

/** A choice's label: its names in every language, each once, so editors find it in any script. */
function label(names: readonly string[]): string {
  return [...new Set(names)].join(' / ');
}

/** The site's topics (in their order), actors and authors as drop-down choices. */
export function taxonomyChoices(site: SiteContext): Taxonomy {
  const byLabel = (a: Choice, b: Choice) => a.label.localeCompare(b.label, NEUTRAL_LOCALE);
  const names = (text: Record<string, string>) => label(site.languages.map((l) => text[l] ?? ''));
  return {
    topics: [...site.topics].map(([id, t]) => ({ value: id, label: names(t.name) })),
    actors: [...site.actors].map(([id, a]) => ({ value: id, label: names(a.name) })).sort(byLabel),
    authors: [...site.authors].map(([id, a]) => ({ value: id, label: label([a.name, ...site.languages.map((l) => authorName(a, l))]) })).sort(byLabel),
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
 * Everything the form needs, from the site context the content reader gave the build (languages,
 * verdict wording, taxonomy) and the content folder's place. Paths in the CMS are relative to the
 * repository root, taken to be the folder that holds the content folder.
 */
export function cmsSettings(site: SiteContext, contentDir: string, env: NodeJS.ProcessEnv = process.env): CmsSettings {
  const dir = resolve(contentDir);
  const root = site.paths.root;
  const { verdicts } = site.settings;
  return {
    languages: site.languages,
    taxonomy: taxonomyChoices(site),
    verdictLabels: { worse: verdicts.worse[root], unchanged: verdicts.unchanged[root], better: verdicts.better[root] },
    contentPath: relative(dirname(dir), dir).split('\\').join('/'),
    backend: backendFromEnv(env),
    siteUrl: site.settings.baseUrl,
  };
}

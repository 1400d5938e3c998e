/**
 * The content collections, all read from the top-level `content/` folder with the same zod
 * schemas that `npm run validate` and the importer use (src/schemas/).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { parallelGlob } from './data/analyses-loader.ts';
import { analysisSchema } from './schemas/analysis.ts';
import { siteSchema } from './schemas/site.ts';
import { actorSchema, authorSchema, topicSchema } from './schemas/taxonomy.ts';

/**
 * Where content lives: `content/` at the project root, or BAROMETER_CONTENT (used by the build
 * tests and the benchmark to build a fixture or generated corpus without touching `content/`).
 */
const contentRoot = pathToFileURL(`${resolve(process.env['BAROMETER_CONTENT'] ?? 'content')}/`);
const dir = (sub: string) => new URL(sub, contentRoot);

/** File name without extension: the id is the path, so `en/x` and `ru/x` can coexist. */
const pathId = ({ entry }: { entry: string }) => entry.replace(/\.(md|ya?ml)$/, '');

const analyses = defineCollection({
  loader: parallelGlob({ pattern: '*/**/*.md', base: dir('analyses/'), generateId: pathId }),
  schema: analysisSchema,
});

const topics = defineCollection({ loader: glob({ pattern: '*.yaml', base: dir('topics/'), generateId: pathId }), schema: topicSchema });
const actors = defineCollection({ loader: glob({ pattern: '*.yaml', base: dir('actors/'), generateId: pathId }), schema: actorSchema });
const authors = defineCollection({ loader: glob({ pattern: '*.yaml', base: dir('authors/'), generateId: pathId }), schema: authorSchema });
const site = defineCollection({ loader: glob({ pattern: 'site.yaml', base: contentRoot, generateId: pathId }), schema: siteSchema });

/** Every collection the site reads. */
export const collections = { analyses, topics, actors, authors, site };

/**
 * The content collections, all read from the top-level `content/` folder by the one content
 * reader (src/content-reader/), with the same schemas `npm run validate` uses (src/schemas/).
 */
import { defineCollection } from 'astro:content';
import { barometerLoader } from './content-reader/loader.ts';
import { analysisSchema } from './schemas/analysis.ts';
import { pageSchema } from './schemas/page.ts';
import { siteSchema } from './schemas/site.ts';
import { actorSchema, authorSchema, topicSchema } from './schemas/taxonomy.ts';

/**
 * Where content lives: `content/` at the project root, or BAROMETER_CONTENT (used by the build
 * tests and the benchmark to build a fixture or generated corpus without touching `content/`).
 */
const contentDir = process.env['BAROMETER_CONTENT'] ?? 'content';

const analyses = defineCollection({ loader: barometerLoader('analyses', contentDir), schema: analysisSchema });
const pages = defineCollection({ loader: barometerLoader('pages', contentDir), schema: pageSchema });
const topics = defineCollection({ loader: barometerLoader('topics', contentDir), schema: topicSchema });
const actors = defineCollection({ loader: barometerLoader('actors', contentDir), schema: actorSchema });
const authors = defineCollection({ loader: barometerLoader('authors', contentDir), schema: authorSchema });
const site = defineCollection({ loader: barometerLoader('site', contentDir), schema: siteSchema });

/** Every collection the site reads. */
export const collections = { analyses, pages, topics, actors, authors, site };

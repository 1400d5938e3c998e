/** Sentence splitting for the site and the importer: the schema's own (src/schemas/sentences.ts). */
export { sentences } from '../schemas/sentences.ts';

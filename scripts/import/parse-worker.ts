/**
 * A worker thread that reads one page with parsePage. `npm run import` spreads a batch's pages over
 * a pool of these (tinypool, one per core), because reading an HTML page is CPU-bound (two
 * extractors over a DOM: measured in docs/decisions/importer-real-pages.md) and parsePage is pure;
 * writing, naming and validating stay on the main thread, in input order. The pool calls the
 * default export: a `ParseRequest` in, the page's `PageResult` out.
 */
import { type ImportOptions, type PageInput, type PageResult, parsePage } from './parse-page.ts';
import type { Taxonomy } from './taxonomy.ts';

/** One page to read, with what the reading needs from the main thread. */
export interface ParseRequest {
  page: PageInput;
  taxonomy: Taxonomy;
  options: ImportOptions;
}

/** Reads one page. */
export default function parse(request: ParseRequest): PageResult {
  return parsePage(request.page, request.taxonomy, request.options);
}

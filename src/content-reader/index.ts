/**
 * The one content reader: reads a content folder, decodes it, parses frontmatter and YAML as YAML
 * 1.2 core (dates stay strings), applies the schemas and the cross-file checks, and returns every
 * problem with the entries that passed. `npm run validate`, the Astro loader, astro.config.ts and
 * the tests all read content through here.
 */
import { relative, resolve } from 'node:path';
import type { CheckCache, EarlierChecks, ValidationReport } from './check.ts';
import { checkCoverImages, validateContent } from './check.ts';
import { type FileCache, readContentFolder } from './files.ts';

export type { AnalysisEntry, CheckCache, ContentFile, DataEntry, EarlierChecks, ValidationReport } from './check.ts';
export type { FileCache } from './files.ts';
export { validateContent } from './check.ts';

/**
 * Reads and checks the content folder `dir`. Paths in problems are relative to `cwd` (as the
 * validator prints them). `cache` keeps per-file results and `files` the files' bytes between
 * calls (the dev server); `earlier` offers results kept by an earlier dev server.
 */
export async function readContent(dir: string, cwd = process.cwd(), cache?: CheckCache, files?: FileCache, earlier?: EarlierChecks): Promise<ValidationReport> {
  const root = relative(cwd, resolve(cwd, dir)).split('\\').join('/') || '.';
  const tree = await readContentFolder(root, cwd, files);
  // Without the folder itself, listing what is missing inside it would only repeat the cause.
  const folderProblem = tree.problems.filter((p) => p.field === '(folder)');
  if (folderProblem.length) return { ...validateContent([], root), problems: folderProblem, filesWithErrors: new Set(folderProblem.map((p) => p.file)) };
  const report = validateContent(tree.files, root, { ...(cache ? { cache } : {}), ...(earlier ? { earlier } : {}) });
  const more = [...tree.problems, ...(await checkCoverImages(report, tree.files))];
  if (more.length === 0) return report;
  const problems = [...more, ...report.problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  for (const p of more) if (p.severity === 'error') report.filesWithErrors.add(p.file);
  return { ...report, problems };
}

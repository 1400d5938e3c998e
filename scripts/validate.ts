/**
 * `npm run validate [-- <content dir>]`: checks every file under content/ and prints all problems,
 * one line each; exits 1 when any is an error.
 */
import { relative, resolve } from 'node:path';
import { formatProblem } from '../src/schemas/problems.ts';
import { validateContent } from '../src/lib/validate-content.ts';
import { readContentTree } from './lib/content-files.ts';

// Paths are printed relative to the working directory, so the root must be too.
const root = relative(process.cwd(), resolve(process.argv[2] ?? 'content')) || '.';
const files = await readContentTree(root);
const report = validateContent(files, root);
for (const p of report.problems) console.error(formatProblem(p));
const errors = report.problems.filter((p) => p.severity === 'error');
const files_ = new Set(errors.map((p) => p.file)).size;
const { analyses, topics, actors, authors } = report.counts;
const summary = `${analyses} analyses, ${topics} topics, ${actors} actors, ${authors} authors checked`;
if (errors.length) {
  console.error(`\nvalidate: ${errors.length} error(s) in ${files_} file(s); ${summary}`);
  process.exit(1);
}
console.log(`validate: ok; ${summary}`);

/**
 * `npm run validate [-- <content dir>]`: checks every file under content/ and prints all problems,
 * one line each; exits 1 when any is an error. `astro build` and `astro dev` report the same
 * problems through the same reader (src/content-reader/), and, like the build, validate renders
 * every analysis without an error, so a body the renderer refuses (src/markdown/body-limits.ts)
 * is reported here too, on the same line.
 */
import { relative, resolve } from 'node:path';
import { formatProblem } from '../src/schemas/problems.ts';
import { readContent } from '../src/content-reader/index.ts';
import { renderingProblems } from '../src/content-reader/render-check.ts';

// Paths are printed relative to the working directory, so the root must be too.
const root = relative(process.cwd(), resolve(process.argv[2] ?? 'content')) || '.';
const report = await readContent(root);
const problems = [...report.problems, ...renderingProblems(report)];
for (const p of problems) console.error(formatProblem(p));
const errors = problems.filter((p) => p.severity === 'error');
const files = new Set(errors.map((p) => p.file)).size;
const { analyses, topics, actors, authors } = report.counts;
const summary = `${analyses} analyses, ${topics} topics, ${actors} actors, ${authors} authors checked`;
if (errors.length) {
  console.error(`\nvalidate: ${errors.length} error(s) in ${files} file(s); ${summary}`);
  process.exit(1);
}
console.log(`validate: ok; ${summary}`);

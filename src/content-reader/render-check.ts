/**
 * Rendering as a check. The build renders every analysis it publishes, and the renderer refuses
 * bodies past its limits (src/markdown/body-limits.ts: nesting, table cells, HTML size); so that
 * `npm run validate` reports exactly what the build does, it renders the same analyses with the
 * same renderer (on this thread: at 10,000 analyses the worker pool's start and the copying of
 * bodies to it cost more than they saved), and both turn a refusal into the same problem line.
 */
import { BodyLimitError } from '../markdown/body-limits.ts';
import { renderMarkdown } from '../markdown/render-markdown.ts';
import type { Problem } from '../schemas/problems.ts';
import type { ValidationReport } from './check.ts';

/** The problem for a body that could not be rendered; `bodyLine` lines precede the body in its file. */
export function renderProblem(file: string, bodyLine: number, error: unknown): Problem {
  if (error instanceof BodyLimitError) return { file, field: 'body', ...(error.line === undefined ? {} : { line: bodyLine + error.line }), message: error.message, severity: 'error' };
  return { file, field: 'body', message: `could not be rendered (${error instanceof Error ? error.message : String(error)})`, severity: 'error' };
}

/** Sorts problems as every list of them is printed: by file, then line. */
export function byFileAndLine(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0);
}

/**
 * Renders every analysis of `report` that the build would render (those without an error) and
 * returns the problems, sorted as they are printed.
 */
export function renderingProblems(report: ValidationReport): Problem[] {
  const problems: Problem[] = [];
  for (const a of report.analyses) {
    if (report.filesWithErrors.has(a.file)) continue;
    try {
      // The path picks the footnote labels' language, as in the build.
      renderMarkdown(a.body, a.file);
    } catch (error) {
      problems.push(renderProblem(a.file, a.bodyLine, error));
    }
  }
  return problems.sort(byFileAndLine);
}

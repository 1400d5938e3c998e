/**
 * Rendering as a check. The build renders every analysis it publishes, and the renderer refuses
 * bodies past its limits (src/markdown/body-limits.ts: nesting, table cells, HTML size); so that
 * `npm run validate` reports exactly what the build does, it renders the same analyses with the
 * same renderer on the same worker pool, and both turn a refusal into the same problem line.
 */
import { BodyLimitError } from '../markdown/body-limits.ts';
import { closeRenderPool, renderOnPool } from '../markdown/render-pool.ts';
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
 * Renders every analysis of `report` that the build would render (those without an error) on the
 * render pool (`workerFile`: src/markdown/render-worker.ts) and returns the problems, sorted;
 * the pool is closed afterwards. `cwd` is what the report's paths are relative to.
 */
export async function renderingProblems(report: ValidationReport, workerFile: string, cwd = process.cwd()): Promise<Problem[]> {
  const problems: Problem[] = [];
  try {
    await Promise.all(
      report.analyses
        .filter((a) => !report.filesWithErrors.has(a.file))
        .map((a) => renderOnPool(workerFile, { body: a.body, data: {}, filePath: `${cwd}/${a.file}` }).catch((error: unknown) => problems.push(renderProblem(a.file, a.bodyLine, error)))),
    );
  } finally {
    await closeRenderPool();
  }
  return problems.sort(byFileAndLine);
}

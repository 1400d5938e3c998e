/**
 * Turns zod issues into one-line problems that name the file, the field, what was found and what
 * was expected: `content/analyses/en/x.md: period.end: 2022-09-04 is before period.start 2022-09-10`.
 */
import type { z } from 'astro/zod';
import { short } from './primitives.ts';

/** One thing wrong (or worth a warning) in one content file. */
export interface Problem {
  /** Path of the file, relative to the project root. */
  file: string;
  /** Dotted field path (`period.end`, `sources.2.url`), or a pseudo-field such as `frontmatter`. */
  field: string;
  /** What was found and what was expected. */
  message: string;
  /** Errors fail validation; warnings are printed only. */
  severity: 'error' | 'warning';
  /** 1-based line in the file, when known. */
  line?: number;
}

/**
 * Words (runs without a space) longer than this are shortened when a problem is printed: ids,
 * field names, dates and URLs are echoed as written, and a 100,000-character one made a 100 KB
 * line. Long enough for any real path or address.
 */
const LONGEST_WORD = 200;
const LONG_WORD = new RegExp(`\\S{${LONGEST_WORD + 1},}`, 'g');

/** Formats a problem as the single line the validator prints, every echoed word at most LONGEST_WORD long. */
export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const prefix = p.severity === 'warning' ? 'warning: ' : '';
  const clip = (text: string) => text.replace(LONG_WORD, (word) => short(word));
  return `${prefix}${where}: ${clip(p.field)}: ${clip(p.message)}`;
}

/** Describes a found value briefly: its type, and the value itself when short. */
function describe(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (input instanceof Date) return `a date (${input.toISOString().slice(0, 10)})`;
  if (typeof input === 'object') return 'a mapping';
  if (typeof input === 'string') return `"${short(input)}"`;
  return `${typeof input} ${String(input)}`;
}

/** Zod's names for types, in the words an editor would use. */
const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of fields',
};

/** Explains one zod issue in plain words. */
function explain(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `missing, expected ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
      return `found ${describe(issue.input)}, expected ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return `found ${describe(issue.input)}, expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'too_small':
      return `has ${Array.isArray(issue.input) ? issue.input.length : '?'} item(s), expected at least ${String(issue.minimum)}`;
    case 'invalid_format':
      // Our schemas word their own expectation; zod's default ("Invalid string") says less.
      return `found ${describe(issue.input)}, expected ${issue.message.startsWith('Invalid') ? issue.format : issue.message}`;
    default:
      return issue.message;
  }
}

/**
 * Flattens a zod error into problems. Union failures report the branch that matches the input's
 * shape, so `name: {en: ""}` says "name.en: must not be empty", not "invalid input".
 */
export function issuesToProblems(file: string, issues: readonly z.core.$ZodIssue[], base: PropertyKey[] = []): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branch = issue.errors.find((errs) => !errs.some((e) => e.code === 'invalid_type' && e.path.length === 0)) ?? issue.errors[0] ?? [];
      if (branch.length > 0 && issue.errors.some((errs) => errs !== branch)) {
        out.push(...issuesToProblems(file, branch, path));
        continue;
      }
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ file, field: [...path, key].map(String).join('.'), message: 'unknown field (check its spelling against the frontmatter reference in README.md)', severity: 'error' });
      }
      continue;
    }
    out.push({ file, field: path.length ? path.map(String).join('.') : '(root)', message: explain(issue), severity: 'error' });
  }
  return out;
}

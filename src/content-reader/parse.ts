/**
 * Parses the text of content files (Markdown with YAML frontmatter, or YAML) into data plus
 * problems, without touching the disk: the content reader calls these on text it has read, the
 * importer and tests on strings.
 */
import matter from 'gray-matter';
import { Document, parse as parseYaml, visit, YAMLParseError } from 'yaml';
import type { Problem } from '../schemas/problems.ts';

/** What a parsed Markdown file holds. */
export interface MarkdownSource {
  /** Frontmatter as parsed YAML (unvalidated). */
  data: unknown;
  /** The Markdown body after the frontmatter. */
  body: string;
  /** Number of lines before the body starts (to turn body offsets into file lines). */
  bodyLine: number;
  /** Problems found while reading (encoding, YAML syntax). */
  problems: Problem[];
}

/**
 * Parses YAML as YAML 1.2 "core": unquoted `2022-02-30` stays a string instead of becoming a
 * rolled-over Date, so impossible dates reach the schema and are reported as such.
 */
function yamlEngine(text: string): object {
  const value: unknown = parseYaml(text, { schema: 'core', uniqueKeys: true, prettyErrors: true });
  return (value ?? {}) as object;
}

/** Options for gray-matter: a fresh object each call, because gray-matter caches by input otherwise. */
function matterOptions() {
  return { engines: { yaml: yamlEngine } };
}

/** Decodes bytes as strict UTF-8; returns undefined when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** 1-based line of the first byte sequence that is not valid UTF-8 (decoded leniently to find it). */
export function firstInvalidUtf8Line(bytes: Uint8Array): number {
  const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const at = lenient.indexOf('\uFFFD');
  return at < 0 ? 1 : lenient.slice(0, at).split('\n').length;
}

/** Explains a YAML syntax error with its line in the whole file. */
function yamlProblem(file: string, error: unknown, lineOffset: number): Problem {
  if (error instanceof YAMLParseError) {
    const line = (error.linePos?.[0].line ?? 0) + lineOffset;
    const reason = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'invalid YAML';
    return { file, field: 'frontmatter', line, message: `malformed YAML: ${reason}`, severity: 'error' };
  }
  return { file, field: 'frontmatter', message: `malformed YAML: ${error instanceof Error ? error.message : String(error)}`, severity: 'error' };
}

/** Parses a Markdown file's text: byte-order mark and CRLF line ends are accepted. */
export function parseMarkdownSource(file: string, text: string): MarkdownSource {
  const problems: Problem[] = [];
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!clean.startsWith('---\n')) {
    problems.push({ file, field: 'frontmatter', line: 1, message: 'missing, expected the file to start with a "---" line followed by YAML fields', severity: 'error' });
    return { data: undefined, body: clean, bodyLine: 0, problems };
  }
  // gray-matter's own test for the closing line (a "\n---" after the opening one): without it, the
  // whole file is read as YAML and the message is about YAML syntax or a field named after a
  // sentence of the body, never about the missing line.
  if (!clean.slice(3).includes('\n---')) {
    problems.push({ file, field: 'frontmatter', line: 1, message: 'opened by "---" on line 1 but never closed, expected a line "---" after the last field', severity: 'error' });
    return { data: undefined, body: '', bodyLine: 0, problems };
  }
  try {
    const parsed = matter(clean, matterOptions());
    const bodyLine = clean.slice(0, clean.length - parsed.content.length).split('\n').length - 1;
    if (parsed.content.trim() === '') {
      problems.push({ file, field: 'body', line: bodyLine + 1, message: 'empty, expected the analysis text after the frontmatter', severity: 'error' });
    }
    const data: unknown = parsed.data;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      problems.push({ file, field: 'frontmatter', line: 2, message: 'expected YAML fields (key: value lines)', severity: 'error' });
    }
    return { data, body: parsed.content, bodyLine, problems };
  } catch (error) {
    // gray-matter hands YAML the text after the opening `---` line, newline included, so YAML's
    // line numbers already count from the top of the file.
    problems.push(yamlProblem(file, error, 0));
    return { data: undefined, body: '', bodyLine: 0, problems };
  }
}

/** Parses a YAML data file's text (topics, actors, authors, site settings). */
export function parseYamlSource(file: string, text: string): { data: unknown; problems: Problem[] } {
  try {
    return { data: yamlEngine(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')), problems: [] };
  } catch (error) {
    return { data: undefined, problems: [yamlProblem(file, error, 0)] };
  }
}

/**
 * Writes frontmatter as YAML 1.2 core, no line folding. Strings with whitespace at either end are
 * double-quoted: YAML leaves a no-break or ideographic space unquoted (to YAML it is not
 * whitespace), but gray-matter trims what the engine returns with JavaScript's trim(), which
 * removes it, so a last field of " " read back as null.
 */
function stringifyFrontmatter(value: object): string {
  const doc = new Document(value, { schema: 'core' });
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && /^\s|\s$/u.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/**
 * Serialises frontmatter and body back into a Markdown file (used by the importer), in the YAML
 * dialect the reader parses (1.2 core, no line folding).
 */
export function stringifyMarkdown(data: Record<string, unknown>, body: string): string {
  const options = { engines: { yaml: { parse: yamlEngine, stringify: stringifyFrontmatter } } };
  // A file object, not a string: gray-matter parses a string for frontmatter first, so a body that
  // opens with a thematic break (`---`, as pages that start with a rule convert) was read as YAML.
  return matter.stringify({ content: body.endsWith('\n') ? body : `${body}\n` }, data, options);
}

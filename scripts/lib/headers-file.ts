/**
 * Reads a `_headers` file (Netlify / Cloudflare Pages format) and answers which headers a path
 * gets, so the local static server and the tests serve the build as those hosts would.
 *
 * Matching follows both hosts: `*` matches any characters (slashes included), `:name` one path
 * segment, anything else itself. When several rules set one header, the values are joined with
 * ", " as Cloudflare does (for a Content-Security-Policy that means both policies apply, the
 * stricter reading), so a `_headers` that relies on one rule replacing another fails here.
 */

/** One parsed rule: its pattern, the pattern as a regular expression, its headers in order. */
export interface ParsedRule {
  path: string;
  pattern: RegExp;
  headers: [name: string, value: string][];
}

/** A path pattern as an anchored regular expression. */
export function patternToRegExp(path: string): RegExp {
  const source = path
    .split(/(\*|:[A-Za-z_][A-Za-z0-9_]*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') && part.length > 1 ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/**
 * Parses the file. Throws on a line that is neither a comment, a path, nor an indented header
 * under a path, naming the line: hosts reject such a file, so must we.
 */
export function parseHeadersFile(text: string): ParsedRule[] {
  const rules: ParsedRule[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '' || line.trim().startsWith('#')) return;
    if (!/^\s/.test(line)) {
      if (!line.startsWith('/')) throw new Error(`_headers:${i + 1}: found "${line}", expected a path starting with /`);
      rules.push({ path: line.trim(), pattern: patternToRegExp(line.trim()), headers: [] });
      return;
    }
    const rule = rules.at(-1);
    const match = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    if (!rule || !match?.[1] || match[2] === undefined) throw new Error(`_headers:${i + 1}: found "${line.trim()}", expected "Name: value" under a path`);
    rule.headers.push([match[1], match[2].trim()]);
  });
  return rules;
}

/** The rules whose pattern matches `pathname`, in file order. */
export function matchingRules(rules: readonly ParsedRule[], pathname: string): ParsedRule[] {
  return rules.filter((r) => r.pattern.test(pathname));
}

/** The headers `pathname` gets: every matching rule's, names lower-cased, repeated ones joined. */
export function headersFor(rules: readonly ParsedRule[], pathname: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of matchingRules(rules, pathname)) {
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      out[key] = out[key] === undefined ? value : `${out[key]}, ${value}`;
    }
  }
  return out;
}

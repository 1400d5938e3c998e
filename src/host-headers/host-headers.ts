/**
 * `dist/_headers`, the header rules Netlify and Cloudflare Pages read: the security headers on
 * every response, the Content-Security-Policy as a real header on every page, long cache lives
 * for fingerprinted files and revalidation for everything else.
 *
 * The two hosts disagree when several rules match one path and set the same header (Netlify
 * keeps the last, Cloudflare joins the values with commas, which for a CSP means both policies
 * apply), so the rules are written so that no path gets one header from two rules: the page
 * rules name the build's folders one by one and step around the email editions, which need a
 * policy of their own.
 */
import { adminCspHeaderValue, cspHeaderValue, emailCspHeaderValue } from './csp.ts';

/** One rule: a path pattern (`*` = anything, `:name` = one path segment) and its headers. */
export interface HeaderRule {
  path: string;
  headers: [name: string, value: string][];
}

/** An entry of a built folder. */
export interface DirEntry {
  name: string;
  dir: boolean;
}

/** Lists a folder of the build, relative to its root (`''`, `be`, `pagefind`); [] when absent. */
export type ListDir = (path: string) => readonly DirEntry[];

/** Fingerprinted files: the name changes whenever the content does, so a year is safe. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Everything else is revalidated on every use (cheap with the host's ETag): pages refer to
 * fingerprinted assets that a new deploy replaces, and Pagefind's entry file names the current
 * index chunks, so a cached old copy would point at files that are gone.
 */
export const REVALIDATE = 'public, max-age=0, must-revalidate';

/** Headers every response carries, the 404 page for unknown paths included. */
export const COMMON_HEADERS: [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  // For browsers that predate frame-ancestors, and for responses no page rule covers (a 404).
  ['X-Frame-Options', 'DENY'],
];

/** For files meant for a machine, not a reader (the mail service's copies of an edition). */
export const NOINDEX: [string, string] = ['X-Robots-Tag', 'noindex'];

/** Pagefind's folders of content-hashed chunks. */
const PAGEFIND_HASHED_DIRS = ['fragment', 'index', 'filter'];

/** The rules for a build whose folders `list` returns; `languages` are the prefixed ones (`be`, `ru`). */
export function headerRules(list: ListDir, languages: readonly string[]): HeaderRule[] {
  const page: [string, string][] = [
    ['Content-Security-Policy', cspHeaderValue()],
    ['Cache-Control', REVALIDATE],
  ];
  const email: [string, string][] = [
    ['Content-Security-Policy', emailCspHeaderValue()],
    ['Cache-Control', REVALIDATE],
  ];
  const rules: HeaderRule[] = [{ path: '/*', headers: COMMON_HEADERS }];
  const add = (path: string, headers: [string, string][]) => rules.push({ path, headers });

  add('/_astro/*', [['Cache-Control', IMMUTABLE]]);
  for (const entry of list('pagefind')) {
    if (entry.dir && PAGEFIND_HASHED_DIRS.includes(entry.name)) add(`/pagefind/${entry.name}/*`, [['Cache-Control', IMMUTABLE]]);
    else if (entry.dir) add(`/pagefind/${entry.name}/*`, [['Cache-Control', REVALIDATE]]);
    // pagefind.<lang>_<hash>.pf_meta carries its hash in the name; the rest does not.
    else add(`/pagefind/${entry.name}`, [['Cache-Control', /_[0-9a-f]{6,}\.pf_meta$/.test(entry.name) ? IMMUTABLE : REVALIDATE]]);
  }

  for (const prefix of ['', ...languages.map((l) => `/${l}`)]) {
    const dir = prefix.slice(1);
    if (prefix !== '' && list(dir).length === 0) continue;
    add(`${prefix}/`, page);
    for (const entry of list(dir)) {
      if (prefix === '' && (entry.name === '_astro' || entry.name === 'pagefind' || languages.includes(entry.name))) continue;
      if (entry.name === '_headers' || entry.name === '_redirects') continue;
      if (prefix === '' && entry.dir && entry.name === 'admin') {
        // The editors' form: a policy of its own (src/host-headers/csp.ts), so the pages' stays strict.
        add('/admin/*', [['Content-Security-Policy', adminCspHeaderValue()], ['Cache-Control', REVALIDATE]]);
        continue;
      }
      if (entry.dir && entry.name === 'weeks') {
        add(`${prefix}/weeks/`, page);
        add(`${prefix}/weeks/index.html`, page);
        add(`${prefix}/weeks/:monday/`, page);
        add(`${prefix}/weeks/:monday/index.html`, page);
        add(`${prefix}/weeks/:monday/email.html`, email);
        add(`${prefix}/weeks/:monday/email.txt`, [['Cache-Control', REVALIDATE]]);
        // The mail service's copies: linked from nowhere, kept out of search engines.
        add(`${prefix}/weeks/:monday/mail.html`, [...email, NOINDEX]);
        add(`${prefix}/weeks/:monday/mail.txt`, [['Cache-Control', REVALIDATE], NOINDEX]);
      } else if (entry.dir) {
        add(`${prefix}/${entry.name}/*`, page);
      } else {
        add(`${prefix}/${entry.name}`, page);
      }
    }
  }
  return rules;
}

/** The `_headers` text: a comment, then each rule as its path and indented `Name: value` lines. */
export function formatHeaders(rules: readonly HeaderRule[]): string {
  const blocks = rules.map((r) => [r.path, ...r.headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n'));
  return `# Written by the build (src/host-headers/host-headers.ts) for Netlify and Cloudflare Pages; see docs/publishing.md.\n\n${blocks.join('\n\n')}\n`;
}

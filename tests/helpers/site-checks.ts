/** Checks run on a built site: HTML validity and internal links (fragments included). */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { LinkChecker } from 'linkinator';

/**
 * Every reader's page (`.html` file) below `dir`: the email editions (see emailFiles) and the
 * editors' form at /admin/ (the CMS's own application page, no site page: tests/cms and
 * tests/e2e/cms.spec.ts check it) are left out.
 */
export function htmlFiles(dir: string): string[] {
  return builtHtml(dir).filter((f) => !isEmailEdition(f) && !isEditorsForm(dir, f));
}

/** The editors' form, `/admin/index.html`. */
function isEditorsForm(dir: string, file: string): boolean {
  return file === join(dir, 'admin', 'index.html');
}

/**
 * The email editions (`weeks/<monday>/email.html`): mail bodies, not site pages (inline styles,
 * table layout, no site chrome), so the page checks leave them out and tests/lib/email.test.ts
 * and tests/e2e/email.spec.ts check them by email rules.
 */
export function emailFiles(dir: string): string[] {
  return builtHtml(dir).filter(isEmailEdition);
}

/** True for the path of an email edition. */
function isEmailEdition(file: string): boolean {
  return /[\\/]weeks[\\/]\d{4}-\d{2}-\d{2}[\\/]email\.html$/.test(file);
}

/** Every .html file under `dir`, sorted. */
function builtHtml(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * html-validate's recommended rules over every page; returns "file:line rule message" lines.
 * `long-title` is off: analysis titles are the desk's headlines and legitimately exceed 70 characters.
 */
export async function htmlErrors(dir: string): Promise<string[]> {
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });
  const out: string[] = [];
  for (const file of htmlFiles(dir)) {
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const m of result.messages) out.push(`${file}:${m.line} ${m.ruleId} ${m.message}`);
    }
  }
  return out;
}

/**
 * Crawls the site from its home page with linkinator (served locally; external links are not
 * fetched). Returns broken internal links and fragments, and the pages (as `/path/`) that were
 * reached, so callers can also check that no page is orphaned.
 */
export async function brokenLinks(dir: string): Promise<{ broken: string[]; reached: Set<string> }> {
  const checker = new LinkChecker();
  // The email editions' unsubscribe link is the mail service's placeholder ({{unsubscribe_url}}),
  // filled in when the email is sent; as a link of the hosted copy it leads nowhere by design.
  const result = await checker.check({ path: dir, recurse: true, checkFragments: true, linksToSkip: ['^(?!http://localhost)', '/%7B%7Bunsubscribe_url%7D%7D$'] });
  // linkinator reports local links as file paths below `dir`.
  const reached = new Set(
    result.links
      .filter((l) => l.state === 'OK' && l.url.startsWith(dir))
      .map((l) => (l.url.slice(dir.length).split('#')[0] ?? '') || '/'),
  );
  return { broken: result.links.filter((l) => l.state === 'BROKEN').map((l) => `${l.url} (from ${l.parent ?? '?'})`), reached };
}

/** The URL path a built page is served at (`dist/x/index.html` -> `/x/`). */
export function pagePath(dir: string, file: string): string {
  return `/${file.slice(dir.length + 1).replace(/index\.html$/, '')}`;
}

/**
 * dist/_headers: which headers each kind of path gets, read back through the same parser the
 * local server uses, and no path given one header by two rules (Netlify and Cloudflare would
 * disagree on the result).
 */
import { describe, expect, it } from 'vitest';
import { headersFor, matchingRules, parseHeadersFile, patternToRegExp } from '../../scripts/lib/headers-file.ts';
import { cspHeaderValue, emailCspHeaderValue, parseCsp } from '../../src/host-headers/csp.ts';
import { formatHeaders, headerRules, IMMUTABLE, REVALIDATE, type DirEntry } from '../../src/host-headers/host-headers.ts';

/** A build's folders as the integration lists them. */
const TREE: Record<string, DirEntry[]> = {
  '': ['404.html', '_astro/', 'actors/', 'analyses/', 'be/', 'data/', 'favicon.svg', 'index.html', 'pagefind/', 'robots.txt', 'rss.xml', 'ru/', 'search/', 'weeks/'].map(entry),
  be: ['analyses/', 'index.html', 'rss.xml', 'weeks/'].map(entry),
  ru: ['index.html', 'weeks/'].map(entry),
  pagefind: ['fragment/', 'index/', 'filter/', 'pagefind.js', 'pagefind-entry.json', 'pagefind.en_a181db0467.pf_meta', 'wasm.en.pagefind'].map(entry),
};

function entry(name: string): DirEntry {
  return name.endsWith('/') ? { name: name.slice(0, -1), dir: true } : { name, dir: false };
}

const rules = parseHeadersFile(formatHeaders(headerRules((p) => TREE[p] ?? [], ['be', 'ru'])));

/** Request paths of every kind the build serves. */
const PAGES = ['/', '/index.html', '/weeks/', '/weeks/2022-08-29/', '/analyses/minsk-bets/', '/actors/nato/2/', '/search/', '/be/', '/be/weeks/2022-08-29/', '/be/analyses/x/', '/ru/weeks/', '/404.html', '/rss.xml', '/data/analyses.csv'];
const EMAILS = ['/weeks/2022-08-29/email.html', '/be/weeks/2022-08-29/email.html', '/ru/weeks/2024-01-15/email.html'];
const HASHED = ['/_astro/Base.7ozPY7aw.css', '/pagefind/fragment/en_1a2b3c.pf_fragment', '/pagefind/index/en_9f8e.pf_index', '/pagefind/filter/en_77.pf_filter', '/pagefind/pagefind.en_a181db0467.pf_meta'];
const UNHASHED = ['/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/pagefind/wasm.en.pagefind', '/weeks/2022-08-29/email.txt'];

describe('dist/_headers', () => {
  it('gives every page the site CSP as a header, frame-ancestors included, and a revalidated cache', () => {
    for (const path of PAGES) {
      const h = headersFor(rules, path);
      expect(h['content-security-policy'], path).toBe(cspHeaderValue());
      expect(parseCsp(h['content-security-policy'] ?? '').get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(h['cache-control'], path).toBe(REVALIDATE);
    }
  });

  it('gives every response nosniff, a referrer policy and DENY framing, unknown paths included', () => {
    for (const path of [...PAGES, ...EMAILS, ...HASHED, ...UNHASHED, '/no-such-page/']) {
      const h = headersFor(rules, path);
      expect(h['x-content-type-options'], path).toBe('nosniff');
      expect(h['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
      expect(h['x-frame-options'], path).toBe('DENY');
    }
  });

  it('caches fingerprinted assets and Pagefind chunks for a year, and revalidates the rest', () => {
    for (const path of HASHED) expect(headersFor(rules, path)['cache-control'], path).toBe(IMMUTABLE);
    for (const path of UNHASHED) expect(headersFor(rules, path)['cache-control'], path).toBe(REVALIDATE);
  });

  it('gives the email editions their own policy: inline styles, nothing loaded, no framing', () => {
    for (const path of EMAILS) {
      const csp = parseCsp(headersFor(rules, path)['content-security-policy'] ?? '');
      expect(headersFor(rules, path)['content-security-policy']).toBe(emailCspHeaderValue());
      expect(csp.get('default-src')).toEqual(["'none'"]);
      expect(csp.get('style-src')).toEqual(["'unsafe-inline'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    }
  });

  it('never sets one header on one path from two rules', () => {
    for (const path of [...PAGES, ...EMAILS, ...HASHED, ...UNHASHED]) {
      const names = matchingRules(rules, path).flatMap((r) => r.headers.map(([n]) => n.toLowerCase()));
      expect(names.length, `${path}: ${names.join(', ')}`).toBe(new Set(names).size);
    }
  });

  it('matches patterns as the hosts do: * spans segments, :name one segment', () => {
    expect(patternToRegExp('/weeks/:monday/').test('/weeks/2022-08-29/')).toBe(true);
    expect(patternToRegExp('/weeks/:monday/').test('/weeks/2022-08-29/email.html')).toBe(false);
    expect(patternToRegExp('/actors/*').test('/actors/nato/2/')).toBe(true);
    expect(patternToRegExp('/a.b').test('/aXb')).toBe(false);
    expect(() => parseHeadersFile('/x\nnot indented\n')).toThrow(/_headers:2: found "not indented", expected a path starting with \//);
    expect(() => parseHeadersFile('  X-A: b\n')).toThrow(/_headers:1: .*expected "Name: value" under a path/);
  });
});

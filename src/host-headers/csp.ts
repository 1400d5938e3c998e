/**
 * The site's Content-Security-Policy, in one place: Base.astro writes it as a `<meta http-equiv>`
 * on every page, and the build writes the same policy as a real header into `dist/_headers`
 * (src/host-headers/host-headers.ts), so the two cannot drift apart. Astro's `security.csp` would hash
 * scripts and styles page by page (about 0.7 ms a page, 7 s at 10,000 analyses) for a policy that
 * comes out the same on every page: nothing inline runs on any page (scripts and styles are files
 * under /_astro/), so 'self' covers them and no hash or 'unsafe-inline' is needed. Pagefind needs
 * 'wasm-unsafe-eval' (its WebAssembly search runs on the main thread when workers are
 * unavailable), a same-origin worker and fetches of its index.
 */

/** Directives, in the order they are written. */
export const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
];

/** The policy as the `content` of a `<meta http-equiv="content-security-policy">`. */
export const CSP_POLICY = CSP_DIRECTIVES.join('; ');

/**
 * Directives a `<meta>` policy cannot carry (browsers ignore them there): only the header stops
 * another site from framing our pages.
 */
export const HEADER_ONLY_DIRECTIVES: readonly string[] = ["frame-ancestors 'none'"];

/** The whole policy as a header value: the page policy plus the header-only directives. */
export function cspHeaderValue(): string {
  return [...CSP_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES].join('; ');
}

/**
 * The policy of the email editions (`/weeks/<monday>/email.html`): email HTML needs inline
 * styles (mail clients drop stylesheets) and loads nothing else, so everything else is refused.
 */
export function emailCspHeaderValue(): string {
  return ["default-src 'none'", "style-src 'unsafe-inline'", "img-src 'self' data:", "base-uri 'none'", "form-action 'none'", ...HEADER_ONLY_DIRECTIVES].join('; ');
}

/** A policy as a map from directive name to its sources, hashes (`'sha256-…'`) left out. */
export function parseCsp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources.filter((s) => !/^'sha(256|384|512)-/.test(s)));
  }
  return out;
}

/**
 * The policy of the editors' form at /admin/ (src/pages/admin/), and only there: the CMS is a
 * single-page app served from our own files (bundled from node_modules, never a CDN). It styles
 * its widgets inline, shows images the editor picks as blob: and data: URLs, talks to GitHub's
 * API and status page, and compresses images in WebAssembly. No 'unsafe-eval'.
 */
export const ADMIN_CSP_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https://avatars.githubusercontent.com",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob: https://api.github.com https://www.githubstatus.com",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** The admin policy as a header value (with the header-only directives). */
export function adminCspHeaderValue(): string {
  return [...ADMIN_CSP_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES].join('; ');
}

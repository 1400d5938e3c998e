/**
 * The site's Content-Security-Policy, one string for every page, written by Base.astro as a
 * `<meta http-equiv>`. Astro's `security.csp` would hash scripts and styles page by page (about
 * 0.7 ms a page, 7 s at 10,000 analyses) for a policy that comes out the same on every page:
 * nothing inline runs on any page (scripts and styles are files under /_astro/), so 'self' covers
 * them and no hash or 'unsafe-inline' is needed. Pagefind needs 'wasm-unsafe-eval' (its
 * WebAssembly search runs on the main thread when workers are unavailable), a same-origin worker
 * and fetches of its index.
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

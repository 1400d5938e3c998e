/**
 * The site's Content-Security-Policy, in one place: astro.config.ts gives it to Astro for the
 * `<meta>` policy of every page, and the build writes the same policy as a real header into
 * `dist/_headers` (src/lib/host-headers.ts), so the two cannot drift apart.
 */

/** Names of the directives the site sets besides script-src and style-src. */
type DirectiveName = 'default-src' | 'img-src' | 'connect-src' | 'worker-src' | 'object-src' | 'base-uri' | 'form-action';

/** One directive with its sources, e.g. `img-src 'self' data:` (the form Astro's config types). */
export type CspDirective = `${DirectiveName} ${string}`;

/**
 * Directives besides script-src and style-src. Pagefind needs a same-origin worker and fetches
 * of its index; nothing is loaded from another host.
 */
export const CSP_DIRECTIVES: readonly CspDirective[] = [
  "default-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** script-src: our bundled scripts only; Pagefind's WebAssembly needs 'wasm-unsafe-eval'. */
export const CSP_SCRIPT_SOURCES: readonly string[] = ["'self'", "'wasm-unsafe-eval'"];

/** style-src: our stylesheets only (Astro's default, stated here so the header says the same). */
export const CSP_STYLE_SOURCES: readonly string[] = ["'self'"];

/**
 * Directives a `<meta>` policy cannot carry (browsers ignore them there): only the header stops
 * another site from framing our pages.
 */
export const HEADER_ONLY_DIRECTIVES: readonly string[] = ["frame-ancestors 'none'"];

/** The `security.csp` setting of astro.config.ts. */
export function astroCspConfig(): { directives: CspDirective[]; scriptDirective: { resources: string[] }; styleDirective: { resources: string[] } } {
  return {
    directives: [...CSP_DIRECTIVES],
    scriptDirective: { resources: [...CSP_SCRIPT_SOURCES] },
    styleDirective: { resources: [...CSP_STYLE_SOURCES] },
  };
}

/** The whole policy as a header value: the page policy plus the header-only directives. */
export function cspHeaderValue(): string {
  return [...CSP_DIRECTIVES, `script-src ${CSP_SCRIPT_SOURCES.join(' ')}`, `style-src ${CSP_STYLE_SOURCES.join(' ')}`, ...HEADER_ONLY_DIRECTIVES].join('; ');
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

/**
 * `/feed.css`, the stylesheet a feed names for browsers (`<?xml-stylesheet type="text/css"?>`):
 * the site's design tokens, its web fonts and the feed view's own rules (feed.css). A feed is an
 * XML document, so it cannot take the pages' bundled stylesheet with its @font-face rules; this
 * one declares the same faces, at the URLs the build gave them.
 */

/** One face of a web font: its family, weight and the file of each script subset the site ships. */
export interface FontFace {
  family: string;
  weight: number;
  /** Subset name (`latin`, `cyrillic`) -> the font file's URL. */
  files: Record<string, string>;
}

/** `@font-face` rules for `faces`, each subset limited to its `unicodeRanges` entry (Fontsource's ranges). */
export function fontFaceRules(faces: readonly FontFace[], unicodeRanges: Readonly<Record<string, string>>): string {
  return faces
    .flatMap((face) =>
      Object.entries(face.files).map(([subset, url]) => {
        const range = unicodeRanges[subset];
        return `@font-face { font-family: '${face.family}'; font-style: normal; font-display: swap; font-weight: ${face.weight}; src: url(${url}) format('woff2');${range ? ` unicode-range: ${range};` : ''} }`;
      }),
    )
    .join('\n');
}

/**
 * The whole stylesheet: the view's `@namespace` rules first (CSS ignores them after any other
 * rule, and every selector with a prefix with them), then tokens, faces and the view's rules.
 */
export function feedStylesheet(tokens: string, faces: string, view: string): string {
  const namespaces = view.match(/^@namespace [^;]+;$/gm) ?? [];
  const rules = view.replace(/^@namespace [^;]+;\n?/gm, '');
  return `${namespaces.join('\n')}\n${tokens}\n${faces}\n${rules}`;
}

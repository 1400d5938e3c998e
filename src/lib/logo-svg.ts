/**
 * The site logo (`logo` in content/site.yaml) as the site publishes it: an SVG drawing with
 * everything removed that could run a script, load another file or restyle the page. The masthead
 * shows it with `<img>`, where no script runs, but `/logo.svg` can also be opened on its own, and a
 * host that ignores `_headers` serves it without a Content-Security-Policy: a `<script>` or an
 * `onload` in it would then run on the site's origin.
 *
 * The file is parsed as browsers parse SVG inside HTML (parse5 through hast-util-from-html: no
 * XML entities, so no entity bombs), and hast-util-sanitize, the library that sanitises analysis
 * bodies, keeps only an allow-list of drawing elements and attributes. `npm run validate` reports
 * what goes (src/content-reader/check.ts), and the `/logo.svg` route serves the result.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { find, svg } from 'property-information';

/** Elements a logo may use: shapes, text, grouping, gradients, clipping, masks, simple filters. */
const ELEMENTS = [
  'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon',
  'text', 'tspan', 'linearGradient', 'radialGradient', 'stop', 'clipPath', 'mask', 'pattern', 'marker', 'image',
  'filter', 'feGaussianBlur', 'feOffset', 'feFlood', 'feComposite', 'feMerge', 'feMergeNode', 'feBlend', 'feColorMatrix',
];

/** Attributes without a reference to anything outside the file. */
const PLAIN_ATTRIBUTES = [
  'id', 'class', 'transform', 'opacity', 'visibility', 'display', 'color', 'role', 'aria-label', 'aria-hidden', 'lang',
  'fill-opacity', 'fill-rule', 'stroke-width', 'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'stroke-dasharray',
  'stroke-dashoffset', 'stroke-opacity', 'clip-rule', 'd', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx',
  'fy', 'fr', 'dx', 'dy', 'width', 'height', 'points', 'viewBox', 'preserveAspectRatio', 'version', 'offset', 'stop-color',
  'stop-opacity', 'gradientUnits', 'gradientTransform', 'spreadMethod', 'patternUnits', 'patternContentUnits', 'patternTransform',
  'clipPathUnits', 'maskUnits', 'maskContentUnits', 'markerWidth', 'markerHeight', 'markerUnits', 'refX', 'refY', 'orient',
  'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'letter-spacing', 'word-spacing',
  'filterUnits', 'primitiveUnits', 'stdDeviation', 'in', 'in2', 'result', 'mode', 'operator', 'k1', 'k2', 'k3', 'k4', 'type',
  'values', 'flood-color', 'flood-opacity',
];

/**
 * Attributes that may name a paint server, clip path or mask: only `url(#id)`, a part of this
 * file, is kept (`url(https://…)` would load another file). `style` too, without `@`, a
 * backslash (a CSS escape can spell `url`) or angle brackets.
 */
const REFERENCE_ATTRIBUTES = ['fill', 'stroke', 'clip-path', 'mask', 'filter', 'marker-start', 'marker-mid', 'marker-end'];
const LOCAL_REFERENCES_ONLY = /^(?![\s\S]*url\((?!\s*['"]?#))[\s\S]*$/i;
const PLAIN_STYLE = /^(?![\s\S]*url\((?!\s*['"]?#))[^@\\<>]*$/i;

/** hast property name of an SVG attribute (`stroke-width` -> `strokeWidth`). */
const property = (attribute: string): string => find(svg, attribute).property;

const SCHEMA: Schema = {
  tagNames: ELEMENTS,
  attributes: {
    '*': [...PLAIN_ATTRIBUTES.map(property), ...REFERENCE_ATTRIBUTES.map((a) => [property(a), LOCAL_REFERENCES_ONLY] as [string, RegExp]), ['style', PLAIN_STYLE]],
    // A part of this file, never another file.
    use: [['href', /^#/]],
    // An embedded raster image, never an address.
    image: [['href', /^data:image\/(?:png|jpeg|gif|webp|avif);/i]],
  },
  // Removed with their content: the rest of what is not allowed is unwrapped (a link's drawing stays).
  strip: ['script', 'style', 'foreignObject', 'iframe', 'object', 'embed'],
  clobber: [],
  clobberPrefix: '',
  protocols: {},
  ancestors: {},
  required: {},
  allowComments: false,
  allowDoctypes: false,
};

/** A logo as published, and what sanitising removed from it (with the line of its first occurrence). */
export interface SanitizedSvg {
  svg: string;
  removed: { what: string; line: number }[];
}

/** Position key of an element, to match it across the trees before and after sanitising. */
function keyOf(node: Element): string | undefined {
  const start = node.position?.start;
  return start ? `${start.offset ?? `${start.line}:${start.column}`}:${node.tagName}` : undefined;
}

/** Every element below `tree` with its depth (1 for a child), by a loop: the file may be nested deeply. */
function elements(tree: Root | Element): { node: Element; depth: number }[] {
  const out: { node: Element; depth: number }[] = [];
  const stack: { node: Root | Element; depth: number }[] = [{ node: tree, depth: 0 }];
  for (let at = stack.pop(); at; at = stack.pop()) {
    for (const child of at.node.children) {
      if (child.type === 'element') {
        out.push({ node: child, depth: at.depth + 1 });
        stack.push({ node: child, depth: at.depth + 1 });
      }
    }
  }
  return out;
}

/** What sanitising removed, each kind once, with the line where it first occurs. */
function removals(before: Element[], after: Root): SanitizedSvg['removed'] {
  const kept = new Map<string, Element>();
  for (const { node } of elements(after)) {
    const key = keyOf(node);
    if (key) kept.set(key, node);
  }
  const found = new Map<string, number>();
  const note = (what: string, node: Element) => {
    if (!found.has(what)) found.set(what, node.position?.start.line ?? 1);
  };
  for (const node of before) {
    const key = keyOf(node);
    const safe = key === undefined ? undefined : kept.get(key);
    if (!safe) note(`<${node.tagName}> element`, node);
    else {
      for (const [name, value] of Object.entries(node.properties)) {
        if (safe.properties[name] === undefined && value !== undefined && value !== null && value !== false) note(`${find(svg, name).attribute} attribute of <${node.tagName}>`, node);
      }
    }
  }
  return [...found].map(([what, line]) => ({ what, line })).sort((a, b) => a.line - b.line);
}

/**
 * Sanitises the text of an SVG file; explains instead when it holds no `<svg>` drawing. Nesting
 * deeper than the sanitiser can walk is refused, like a body's (`maxDepth`).
 */
export function sanitizeSvg(text: string, maxDepth = 100): SanitizedSvg | { problem: string } {
  const deep = { problem: `elements nested more than ${maxDepth} levels deep, expected at most ${maxDepth}` };
  let parsed: Root;
  try {
    parsed = fromHtml(text, { fragment: true, space: 'svg' });
  } catch (error) {
    // hast-util-from-html builds the tree recursively: thousands of levels overflow the stack.
    if (error instanceof RangeError) return deep;
    throw error;
  }
  const root = parsed.children.find((c): c is Element => c.type === 'element');
  if (root?.tagName !== 'svg') return { problem: `${root ? `its first element is <${root.tagName}>` : 'found no <svg> element'}, expected an SVG drawing (<svg> …)` };
  const below = elements(root);
  if (below.some((e) => e.depth >= maxDepth)) return deep;
  const all = below.map((e) => e.node);
  // SVG 2 reads a plain `href`: the XLink namespace would need its own declaration in the output.
  for (const node of [root, ...all]) {
    if (node.properties['xLinkHref'] !== undefined && node.properties['href'] === undefined) node.properties['href'] = node.properties['xLinkHref'];
  }
  const before = [root, ...all];
  const clean = sanitize({ type: 'root', children: [structuredClone(root)] }, SCHEMA) as Root;
  const drawing = clean.children.find((c): c is Element => c.type === 'element');
  if (!drawing) return { problem: 'nothing is left after removing what is not allowed, expected an SVG drawing' };
  drawing.properties['xmlns'] = 'http://www.w3.org/2000/svg';
  const removed = removals(before, clean).filter((r) => r.what !== 'xlink:href attribute of <use>' && r.what !== 'xlink:href attribute of <image>' && !r.what.startsWith('xmlns'));
  // Numeric character references only: XML knows five named ones, HTML two thousand.
  const out = toHtml(clean, { space: 'svg', characterReferences: { useNamedReferences: false } });
  return { svg: `${out}\n`, removed };
}

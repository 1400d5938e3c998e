/**
 * Labels GFM footnotes in the analysis's own language. remark-rehype takes one footnote label and
 * one back-link label for every file (its options are set once in astro.config.ts), which would
 * put English "Notes" and "Back to the text" on Belarusian and Russian pages; this plugin rewrites
 * them per file, from the language folder in the file's path (`content/analyses/<lang>/…`).
 */
import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { t } from '../i18n/index.ts';
import { LANGUAGES, type Language } from '../schemas/primitives.ts';
import { DEFAULT_LANGUAGE } from '../lib/urls.ts';

/** The language of an analysis file from its path: the last `analyses/<lang>/` folder, else the default language. */
export function analysisLanguage(path: string | undefined): Language {
  const folders = [...(path ?? '').replace(/\\/g, '/').matchAll(/(?:^|\/)analyses\/([^/]+)\//g)];
  const folder = folders.at(-1)?.[1];
  return LANGUAGES.find((lang) => lang === folder) ?? DEFAULT_LANGUAGE;
}

/** True for the footnote section remark-rehype renders (`<section data-footnotes>`). */
function isFootnoteSection(node: Element): boolean {
  return node.tagName === 'section' && node.properties['dataFootnotes'] !== undefined;
}

/** rehype plugin: footnote heading text and back-link `aria-label` from `src/i18n` in the file's language. */
export default function rehypeFootnoteLabels() {
  return (tree: Root, file: VFile) => {
    const strings = t(analysisLanguage(file.path)).footnotes;
    visit(tree, 'element', (section: Element) => {
      if (!isFootnoteSection(section)) return;
      // The label is the section's heading (its id may or may not be prefixed yet, by plugin order).
      const heading = section.children.find((c): c is Element => c.type === 'element' && /^h[1-6]$/.test(c.tagName));
      if (heading) heading.children = [{ type: 'text', value: strings.label } satisfies ElementContent];
      visit(section, 'element', (node: Element) => {
        if (node.tagName === 'a' && node.properties['dataFootnoteBackref'] !== undefined) node.properties['ariaLabel'] = strings.backLabel;
      });
      return 'skip';
    });
  };
}

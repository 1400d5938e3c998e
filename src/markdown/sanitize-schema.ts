/**
 * What raw HTML and Markdown may produce: GitHub's rules (hast-util-sanitize's default schema),
 * extended only for what our own plugins render (heading anchors, external-link rel/target).
 * Ids are already prefixed by render-markdown.ts (with the `#fragment` links to them), so sanitize must not prefix them again.
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';

/** GitHub's attributes for links, minus its className rule, which ours replaces (first rule wins). */
const baseA = (defaultSchema.attributes?.['a'] ?? []).filter((d) => !(Array.isArray(d) && d[0] === 'className'));

/** The sanitize schema used for every analysis body. */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  clobber: [],
  attributes: {
    ...defaultSchema.attributes,
    a: [...baseA, ['className', 'heading-anchor', 'data-footnote-backref'], 'ariaHidden', 'tabIndex', ['rel', 'noopener', 'noreferrer', 'nofollow'], ['target', '_blank']],
  },
};

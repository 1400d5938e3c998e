/**
 * Plain-text pages (as scraped: one paragraph per line, blank lines between most blocks) into
 * blocks. Each printed line is one paragraph; lines starting with a bullet become one Markdown list.
 */
import type { List, ListItem } from 'mdast';
import { type Block, inlineFromText, makeBlock } from './markdown.ts';

/** A printed bullet: "•", "·", "▪", "◦", "●", "■", "*" or "-" followed by a space. */
const BULLET = /^[•·▪◦‣∙●○■□*-]\s+(\S.*)$/u;

/** Splits page text into blocks, keeping every non-empty line. */
export function textToBlocks(text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  let blankBefore = true;
  let list: { node: List; line: number; glued: boolean } | undefined;
  const flush = (): void => {
    if (list) blocks.push(makeBlock(list.node, { glued: list.glued, line: list.line }));
    list = undefined;
  };
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') {
      blankBefore = true;
      return;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      const item: ListItem = { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: inlineFromText(bullet[1] ?? '') }] };
      if (list) list.node.children.push(item);
      else list = { node: { type: 'list', ordered: false, spread: false, children: [item] }, line: index + 1, glued: !blankBefore };
    } else {
      flush();
      blocks.push(makeBlock({ type: 'paragraph', children: inlineFromText(line) }, { glued: !blankBefore, line: index + 1 }));
    }
    blankBefore = false;
  });
  flush();
  return blocks;
}

/**
 * Plain-text pages (as scraped: one paragraph per line, blank lines between most blocks) into
 * blocks. Each printed line is one paragraph; lines starting with a bullet become one Markdown
 * list, and two or more lines numbered in sequence ("1. ", "2) ") an ordered list.
 */
import type { List, ListItem } from 'mdast';
import { type Block, inlineFromText, makeBlock } from './markdown.ts';

/** A printed bullet: "•", "·", "▪", "◦", "●", "■", "*" or "-" followed by a space. */
const BULLET = /^[•·▪◦‣∙●○■□*-]\s+(\S.*)$/u;

/** A numbered line: "1. text" or "1) text". */
const NUMBERED = /^(\d{1,3})[.)]\s+(\S.*)$/u;

/** A list item holding one printed line. */
function item(text: string): ListItem {
  return { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: inlineFromText(text) }] };
}

/** True when lines[i] and the following non-blank line are numbered n and n+1. */
function startsNumberedRun(lines: readonly string[], i: number): boolean {
  const m = NUMBERED.exec(lines[i]?.trim() ?? '');
  if (!m) return false;
  let j = i + 1;
  while (j < lines.length && (lines[j] ?? '').trim() === '') j += 1;
  const next = NUMBERED.exec(lines[j]?.trim() ?? '');
  return next !== null && Number(next[1]) === Number(m[1]) + 1;
}

/** Splits page text into blocks, keeping every non-empty line. */
export function textToBlocks(text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  let blankBefore = true;
  let list: { node: List; line: number; glued: boolean; next: number } | undefined;
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
    const numbered = NUMBERED.exec(line);
    if (bullet && list?.node.ordered !== true) {
      if (list) list.node.children.push(item(bullet[1] ?? ''));
      else list = { node: { type: 'list', ordered: false, spread: false, children: [item(bullet[1] ?? '')] }, line: index + 1, glued: !blankBefore, next: 0 };
    } else if (numbered && list?.node.ordered === true && Number(numbered[1]) === list.next) {
      list.node.children.push(item(numbered[2] ?? ''));
      list.next += 1;
    } else if (numbered && startsNumberedRun(lines, index)) {
      flush();
      const start = Number(numbered[1]);
      list = { node: { type: 'list', ordered: true, start, spread: false, children: [item(numbered[2] ?? '')] }, line: index + 1, glued: !blankBefore, next: start + 1 };
    } else if (bullet) {
      flush();
      list = { node: { type: 'list', ordered: false, spread: false, children: [item(bullet[1] ?? '')] }, line: index + 1, glued: !blankBefore, next: 0 };
    } else {
      flush();
      blocks.push(makeBlock({ type: 'paragraph', children: inlineFromText(line) }, { glued: !blankBefore, line: index + 1 }));
    }
    blankBefore = false;
  });
  flush();
  return blocks;
}

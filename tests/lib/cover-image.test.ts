/**
 * The cover image rules of the content reader: a path beside the analysis, an image extension, a
 * file that exists inside the content folder, and alt text whenever an image is given. Each case
 * checks the exact line `npm run validate` prints (file and field named).
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/schemas/problems.ts';
import { validateContent } from '../../src/content-reader/index.ts';
import { md, tree, VALID_WEEKLY } from '../helpers/memory-tree.ts';

const FILE = 'content/analyses/en/x.md';
// Bytes are never decoded: any bytes under an image name stand for an image file.
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9]);

/** The printed problems of one analysis with the given cover lines, plus extra files. */
function linesFor(cover: string, extra: Record<string, string | Uint8Array> = {}): string[] {
  return validateContent(tree({ [FILE]: md(`${VALID_WEEKLY}\ncover:\n${cover}`), ...extra })).problems.map(formatProblem);
}

describe('a cover image', () => {
  it('is accepted beside the analysis, with alt and credit, and the image file itself raises no problem', () => {
    const files = { 'content/analyses/en/minsk.jpg': JPEG };
    expect(linesFor('  image: ./minsk.jpg\n  alt: A street\n  credit: "Photo: us"', files)).toEqual([]);
    expect(linesFor('  image: minsk.jpg\n  alt: A street\n  credit: "Photo: us"', files)).toEqual([]);
  });

  it('accepts an image in a subfolder and every supported extension', () => {
    for (const ext of ['jpg', 'jpeg', 'png', 'webp', 'avif', 'JPG']) {
      const files = { [`content/analyses/en/img/a.${ext}`]: JPEG };
      expect(linesFor(`  image: ./img/a.${ext}\n  alt: A street\n  credit: c`, files), ext).toEqual([]);
    }
  });

  it('keeps the credit-only cover (no image) valid, without alt', () => {
    expect(linesFor('  credit: "Photo: elements.envato.com"')).toEqual([]);
  });

  it('needs alt text when an image is given', () => {
    expect(linesFor('  image: ./minsk.jpg\n  credit: c', { 'content/analyses/en/minsk.jpg': JPEG })).toEqual([
      `${FILE}: cover.alt: missing, expected text describing the image for readers who cannot see it (required when cover.image is given)`,
    ]);
  });

  it('must name a file that exists', () => {
    expect(linesFor('  image: ./gone.jpg\n  alt: A street\n  credit: c')).toEqual([
      `${FILE}: cover.image: "./gone.jpg" names no readable file in the content folder (looked for content/analyses/en/gone.jpg), expected an image file beside the analysis`,
    ]);
  });

  it('may not leave the content folder', () => {
    expect(linesFor('  image: ../../../secret.jpg\n  alt: A street\n  credit: c')).toEqual([
      `${FILE}: cover.image: "../../../secret.jpg" leads outside the content folder (content/), expected an image file beside the analysis`,
    ]);
  });

  it('may climb to another analyses folder inside the content folder', () => {
    expect(linesFor('  image: ../be/shared.png\n  alt: A street\n  credit: c', { 'content/analyses/be/shared.png': JPEG })).toEqual([]);
  });

  it('must have an image extension, be relative and not be an address', () => {
    expect(linesFor('  image: ./notes.txt\n  alt: A\n  credit: c', { 'content/analyses/en/notes.txt': 'x' })).toContain(
      `${FILE}: cover.image: "./notes.txt" has the extension ".txt", expected an image file ending in .jpg, .jpeg, .png, .webp, .avif`,
    );
    expect(linesFor('  image: ./minsk\n  alt: A\n  credit: c')).toEqual([`${FILE}: cover.image: "./minsk" has no extension, expected an image file ending in .jpg, .jpeg, .png, .webp, .avif`]);
    expect(linesFor('  image: /etc/a.jpg\n  alt: A\n  credit: c')).toEqual([`${FILE}: cover.image: "/etc/a.jpg" is an absolute path, expected a path relative to the analysis file such as ./minsk.jpg`]);
    expect(linesFor('  image: https://example.com/a.jpg\n  alt: A\n  credit: c')).toEqual([
      `${FILE}: cover.image: "https://example.com/a.jpg" is an address, expected a file beside the analysis such as ./minsk.jpg (images from other hosts are blocked by the site's Content-Security-Policy)`,
    ]);
  });

  it('warns about an image beside the analyses that no cover names', () => {
    expect(linesFor('  credit: c', { 'content/analyses/en/minsk.jpg': JPEG })).toEqual([
      'warning: content/analyses/en/minsk.jpg: (file): an image no analysis uses, expected an analysis naming it in cover.image (or remove it)',
    ]);
  });

  it('reports a missing alt and a missing file together, in one run', () => {
    expect(linesFor('  image: ./gone.jpg\n  credit: c')).toEqual([
      `${FILE}: cover.alt: missing, expected text describing the image for readers who cannot see it (required when cover.image is given)`,
      `${FILE}: cover.image: "./gone.jpg" names no readable file in the content folder (looked for content/analyses/en/gone.jpg), expected an image file beside the analysis`,
    ]);
  });
});

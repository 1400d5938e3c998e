/**
 * The editors' form (Sveltia CMS) names three Fontsource fonts on a public CDN in the styles it
 * injects: its text face, its code face and Material Symbols, whose ligatures draw every icon.
 * The admin page's policy allows fonts from the site only (ADMIN_CSP_DIRECTIVES), so the built
 * form logged three violations and showed icon names as words ('arrow_back'). This Vite plugin
 * rewrites those addresses, at build, to copies of the same Fontsource files from our
 * dependencies, written under `_astro/` with a content hash in the name (`_astro/` is served as
 * immutable). `astro dev` sends no policy, so the form loads the CDN files there as published.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import type { Plugin } from 'vite';

/** A CDN font address in the CMS's styles, and the Fontsource file of ours that replaces it. */
interface FontSwap {
  /** The address as Sveltia CMS writes it, up to the version (which its releases change). */
  cdnPattern: RegExp;
  /** The same file in our dependencies, resolved on disk. */
  file: string;
}

const require = createRequire(import.meta.url);

/** The folder (under the output folder) the fonts are written to. */
export const CMS_FONTS_DIR = '_astro/cms-fonts';

/** The fonts Sveltia CMS asks jsDelivr for (read from its dist file; one it adds fails the build). */
export const CMS_FONT_SWAPS: readonly FontSwap[] = [
  { cdnPattern: /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/source-sans-3:vf@[\d.]+\/latin-wght-normal\.woff2/gu, file: require.resolve('@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2') },
  { cdnPattern: /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/noto-mono@[\d.]+\/latin-400-normal\.woff2/gu, file: require.resolve('@fontsource/noto-mono/files/noto-mono-latin-400-normal.woff2') },
  {
    cdnPattern: /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/material-symbols-outlined:vf@[\d.]+\/latin-wght-normal\.woff2/gu,
    file: require.resolve('@fontsource-variable/material-symbols-outlined/files/material-symbols-outlined-latin-wght-normal.woff2'),
  },
];

/** Any CDN address left in a CMS module after the swaps: a font this plugin does not know yet. */
const ANY_CDN_FONT = /https:\/\/cdn\.jsdelivr\.net\/fontsource\/[^\s)'"`]+/u;

/** Vite plugin: serves the CMS's fonts from the site instead of a CDN the admin policy blocks. */
export function cmsSelfHostedFonts(): Plugin {
  let base = '/';
  return {
    name: 'barometer:cms-self-hosted-fonts',
    apply: 'build',
    configResolved(config) {
      base = config.base.endsWith('/') ? config.base : `${config.base}/`;
    },
    transform(code, id) {
      if (!id.includes('/@sveltia/cms/') || !code.includes('cdn.jsdelivr.net/fontsource/')) return null;
      let out = code;
      for (const swap of CMS_FONT_SWAPS) {
        if (out.search(swap.cdnPattern) === -1) continue;
        const source = readFileSync(swap.file);
        const hash = createHash('sha256').update(source).digest('hex').slice(0, 10);
        const fileName = `${CMS_FONTS_DIR}/${basename(swap.file, '.woff2')}.${hash}.woff2`;
        this.emitFile({ type: 'asset', fileName, source });
        out = out.replace(swap.cdnPattern, `${base}${fileName}`);
      }
      const left = ANY_CDN_FONT.exec(out);
      if (left) this.error(`@sveltia/cms asks for the font ${left[0]}, which the admin page's policy blocks: add it to CMS_FONT_SWAPS in src/cms/self-hosted-fonts.ts`);
      return { code: out, map: null };
    },
  };
}

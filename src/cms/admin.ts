/**
 * The admin page's script: registers the analysis file format, loads the generated
 * configuration (/admin/config.json) and starts Sveltia CMS, bundled from node_modules. Under
 * `npm run cms` it first installs the local bridge, so the form edits the project's files.
 */
import type { CmsConfig } from '@sveltia/cms';
import { DEV_SERVER } from '../lib/dev-server.ts';
import { FILE_FORMAT, formatAnalysisFile, parseAnalysisFile, type EntryData } from './format.ts';
import { bridgeAvailable, installBridge } from './local-bridge-client.ts';

declare global {
  interface Window {
    /** Tells the CMS to wait for init() instead of looking for config.yml. */
    CMS_MANUAL_INIT?: boolean;
  }
}

window.CMS_MANUAL_INIT = true;
const local = DEV_SERVER && (await bridgeAvailable());
if (local) installBridge();
const [{ default: CMS }, response] = await Promise.all([import('@sveltia/cms'), fetch(new URL('config.json', window.location.href))]);
const { config, fieldOrder } = (await response.json()) as { config: CmsConfig; fieldOrder: string[] };
CMS.registerCustomFormat(FILE_FORMAT, 'md', {
  fromFile: (text: string) => parseAnalysisFile(text),
  toFile: (data: EntryData) => formatAnalysisFile(data, fieldOrder),
});
// Locally the "view on site" links go to the dev server's preview, not the published site.
await CMS.init({ config: { ...config, load_config_file: false, ...(local ? { site_url: window.location.origin } : {}) } });

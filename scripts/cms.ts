/**
 * `npm run cms`: the editors' form without an account. Starts `astro dev` with the local bridge
 * (src/cms/local-bridge.ts) so /admin/ reads and writes the content folder (content/, or
 * BAROMETER_CONTENT), and the site's preview on the same server shows what was saved.
 * Arguments go to `astro dev` (`npm run cms -- --port 4400`).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BRIDGE_ENV } from '../src/cms/local-bridge.ts';

const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
const child = spawn(process.execPath, [astro, 'dev', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, [BRIDGE_ENV]: '1' } });
process.stdout.write('The editors\' form: open /admin/ on the address below and choose "Work with Local Repository".\n');
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

/**
 * `npm run generate -- --count N --out <dir> [--seed S] [--force]`: writes a deterministic
 * synthetic content tree (see scripts/generate/corpus.ts) for benchmarks. Refuses a non-empty
 * folder without --force, and never writes into the project's own content/.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate/corpus.ts';

const { values } = parseArgs({
  options: { count: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' }, force: { type: 'boolean', default: false } },
});
const count = Number(values.count);
if (!values.out || !Number.isInteger(count) || count < 1) {
  console.error('usage: npm run generate -- --count N --out <dir> [--seed S] [--force]');
  process.exit(2);
}
const out = resolve(values.out);
if (out === resolve('content') || out.startsWith(`${resolve('content')}/`)) {
  console.error(`generate: refusing to write into the project's content/ (${out}); pick another --out`);
  process.exit(2);
}
if (existsSync(out) && readdirSync(out).length > 0) {
  if (!values.force) {
    console.error(`generate: ${out} is not empty; pass --force to replace it`);
    process.exit(2);
  }
  await rm(out, { recursive: true });
}
let files = 0;
const dirs = new Set<string>();
for (const file of generateCorpus({ count, ...(values.seed ? { seed: Number(values.seed) } : {}) })) {
  const full = join(out, file.path);
  const dir = dirname(full);
  if (!dirs.has(dir)) {
    await mkdir(dir, { recursive: true });
    dirs.add(dir);
  }
  await writeFile(full, file.text);
  files += 1;
}
console.log(`generate: wrote ${files} files (${count} analyses) to ${out}`);

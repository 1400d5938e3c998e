/**
 * Writes a small but complete content tree for tests: two topics, three actors, two authors,
 * enough weekly analyses on one topic to need two listing pages, a long-form piece with sources,
 * a Russian translation, a draft and an undated draft (an import that found no date).
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { addDays } from '../../src/lib/dates.ts';

/** Number of weekly analyses on the `alpha` topic (more than one listing page of 20). */
export const ALPHA_WEEKS = 22;

/** The first Monday of the fixture's weeks. */
export const FIRST_MONDAY = '2023-01-02';

const files: Record<string, string> = {
  'site.yaml': `title: { en: Test Barometer, be: Тэставы барометр, ru: Тестовый барометр }
description: A fixture site used by the build tests.
publisher: Fixture desk
baseUrl: https://fixture.example.org
languages: [en, be, ru]
verdicts:
  worse: { en: The situation got worse, be: Сітуацыя пагоршылася, ru: Ситуация ухудшилась }
  unchanged: { en: The situation has not changed, be: Сітуацыя не змянілася, ru: Ситуация не изменилась }
  better: { en: The situation has gotten better, be: Сітуацыя палепшылася, ru: Ситуация улучшилась }
`,
  'topics/alpha.yaml': 'name: { en: Alpha affairs, be: Альфа, ru: Альфа }\ndescription: The first fixture topic.\norder: 1\n',
  'topics/beta.yaml': 'name: { en: Beta affairs, be: Бэта, ru: Бета }\ndescription: The second fixture topic.\norder: 2\n',
  'actors/ruler.yaml': 'name: { en: The Ruler, ru: Правитель }\naliases: [Rular, Правитель]\nkind: person\n',
  'actors/union.yaml': 'name: Union of Fixtures\nkind: organisation\n',
  'actors/land.yaml': 'name: { en: Fixtureland, ru: Фикстурия }\nkind: country\n',
  'authors/ann-writer.yaml': 'name: Ann Writer\nbio: A fixture author.\n',
  'authors/bo-scribe.yaml': 'name: Bo Scribe\nbio: { en: Another fixture author., ru: Ещё один автор. }\naffiliation: Fixture Institute\n',
};

/** Frontmatter and body of one weekly analysis. */
function weekly(monday: string, topic: string, trend: string, extra = ''): string {
  return `---
title: "Week of ${monday} on ${topic}"
summary: "What happened on ${topic} in the week starting ${monday}."
kind: weekly
period: { start: ${monday}, end: ${addDays(monday, 6)} }
topic: ${topic}
trend: ${trend}
actors: [ruler, land]
${extra}---

## What happened

Events of the week on ${topic}.[^1]

- one point
- another point

[^1]: A note on the week.
`;
}

/** Writes the fixture tree into `root` (which must not exist yet or be empty). */
export async function writeFixtureContent(root: string): Promise<void> {
  const all: Record<string, string> = { ...files };
  const trends = ['worse', 'unchanged', 'better'];
  for (let i = 0; i < ALPHA_WEEKS; i += 1) {
    const monday = addDays(FIRST_MONDAY, 7 * i);
    all[`analyses/en/${monday}-alpha.md`] = weekly(monday, 'alpha', trends[i % 3] ?? 'worse', i === 0 ? 'authors: [ann-writer, bo-scribe]\ntranslationKey: first-alpha\n' : '');
  }
  all['analyses/en/2023-01-02-beta.md'] = weekly(FIRST_MONDAY, 'beta', 'better');
  all['analyses/ru/2023-01-02-alpha.md'] = weekly(FIRST_MONDAY, 'alpha', 'worse', 'authors: [ann-writer, bo-scribe]\ntranslationKey: first-alpha\nlang: ru\n');
  all['analyses/en/2023-02-01-long-read.md'] = `---
title: A long read on the union
summary: A fixture analysis with sources.
kind: analysis
published: 2023-02-01
authors: [bo-scribe]
actors: [union, ruler]
sources:
  - { title: A cited report, url: "https://example.org/report", outlet: Example Outlet, accessed: 2023-01-31 }
origin: { url: "https://example.org/origin", outlet: Origin Review }
---

The body of the long read.
`;
  all['analyses/en/2023-03-01-draft.md'] = `---
title: An unfinished draft
summary: Not for publication.
kind: opinion
published: 2023-03-01
draft: true
---

Draft text.
`;
  all['analyses/en/undated-draft.md'] = `---
title: A draft still waiting for its date
summary: Imported from a page that printed no date.
kind: analysis
draft: true
---

Undated draft text.
`;
  for (const [path, text] of Object.entries(all)) {
    const full = join(root, path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, text);
  }
}

/**
 * Adds an opinion piece with a cover image (the sample site's drawing) to a content tree written
 * by writeFixtureContent, so a build has an image to import and optimised images to generate.
 */
export async function writeCoverAnalysis(root: string): Promise<void> {
  await copyFile('content/analyses/en/2024-04-22-a-doctrine-written-for-confrontation.jpg', join(root, 'analyses/en/cover.jpg'));
  await writeFile(
    join(root, 'analyses/en/2023-02-08-with-a-cover.md'),
    '---\ntitle: A piece with a cover\nsummary: It has a cover image.\nkind: opinion\npublished: 2023-02-08\ncover: { image: ./cover.jpg, alt: A drawing of a radar screen, credit: Barometer }\n---\n\nThe body.\n',
  );
}

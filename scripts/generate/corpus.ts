/**
 * A deterministic synthetic corpus for benchmarks: site settings, topics, actors, authors and
 * analyses in three languages (weekly digests going back in time, with translations sharing a
 * key, plus long-form pieces with sources), 600-900-word bodies with headings, lists and
 * footnotes over a ~10,000-word vocabulary. Files are yielded one at a time so 50,000 analyses
 * never sit in memory together. Pure: the CLI writes what this yields.
 */
import { addDays } from '../../src/lib/dates.ts';
import type { Language, Trend } from '../../src/schemas/primitives.ts';
import { buildVocabulary, capitalise } from './vocabulary.ts';
import { createRng, createZipf, type Rng } from './random.ts';

/** Options for a corpus. */
export interface CorpusOptions {
  /** Number of analyses (all languages together). */
  count: number;
  /** PRNG seed; the same seed gives the same corpus. */
  seed?: number;
  /** Distinct words per language. */
  vocabulary?: number;
}

/** One file of the corpus: a path relative to the content root and its text. */
export interface CorpusFile {
  path: string;
  text: string;
}

const LANGS: readonly Language[] = ['en', 'ru', 'be'];
const TOPICS = 8;
const ACTORS = 60;
const AUTHORS = 40;
const TOPICS_PER_WEEK = 5;
/** The Monday the generated digest starts from, going back in time. */
const LAST_MONDAY = '2024-12-30';
const TRENDS: readonly Trend[] = ['worse', 'worse', 'unchanged', 'unchanged', 'unchanged', 'better'];

const q = (s: string) => JSON.stringify(s);
const pad = (n: number, width = 3) => String(n).padStart(width, '0');

/** Text generator for one language over its vocabulary. */
interface Writer {
  lang: Language;
  rng: Rng;
  word(): string;
  phrase(n: number): string;
  sentence(min?: number, max?: number, extra?: string[]): string;
  title(): string;
}

/** Makes a Writer for `lang` with a `size`-word vocabulary. */
function createWriter(lang: Language, rng: Rng, size: number): Writer {
  const words = buildVocabulary(lang, size, rng);
  const zipf = createZipf(size, rng);
  const word = () => words[zipf()] ?? 'x';
  const phrase = (n: number) => Array.from({ length: n }, word).join(' ');
  return {
    lang,
    rng,
    word,
    phrase,
    sentence(min = 8, max = 24, extra: string[] = []) {
      const parts = Array.from({ length: rng.int(min, max) }, word);
      for (const e of extra) parts.splice(rng.int(1, parts.length), 0, e);
      return `${capitalise(parts.join(' '), lang)}.`;
    },
    title: () => capitalise(phrase(rng.int(5, 9)), lang),
  };
}

/** Yields every file of the corpus in a stable order. */
export function* generateCorpus(options: CorpusOptions): Generator<CorpusFile> {
  const rng = createRng(options.seed ?? 20240826);
  const size = options.vocabulary ?? 10_000;
  const writers = Object.fromEntries(LANGS.map((l) => [l, createWriter(l, rng, size)])) as Record<Language, Writer>;
  const name = (w: Writer) => `${capitalise(w.word(), w.lang)} ${capitalise(w.word(), w.lang)}`;
  const localized = (make: (w: Writer) => string) => `{ en: ${q(make(writers.en))}, be: ${q(make(writers.be))}, ru: ${q(make(writers.ru))} }`;

  yield {
    path: 'site.yaml',
    text: `title: { en: "Generated Barometer", be: "Згенераваны барометр", ru: "Сгенерированный барометр" }
description: "A synthetic corpus for benchmarks."
publisher: "Benchmark desk"
baseUrl: "https://bench.example.org"
languages: [en, be, ru]
verdicts:
  worse: { en: "The situation got worse", be: "Сітуацыя пагоршылася", ru: "Ситуация ухудшилась" }
  unchanged: { en: "The situation has not changed", be: "Сітуацыя не змянілася", ru: "Ситуация не изменилась" }
  better: { en: "The situation has gotten better", be: "Сітуацыя палепшылася", ru: "Ситуация улучшилась" }
`,
  };
  for (let t = 0; t < TOPICS; t += 1) {
    yield { path: `topics/topic-${pad(t)}.yaml`, text: `name: ${localized((w) => capitalise(w.phrase(2), w.lang))}\ndescription: ${localized((w) => w.sentence(8, 14))}\norder: ${t + 1}\n` };
  }
  const actorNames: Record<Language, string>[] = [];
  for (let a = 0; a < ACTORS; a += 1) {
    const names = { en: name(writers.en), be: name(writers.be), ru: name(writers.ru) };
    actorNames.push(names);
    const kind = ['person', 'organisation', 'country'][a % 3];
    yield { path: `actors/actor-${pad(a)}.yaml`, text: `name: { en: ${q(names.en)}, be: ${q(names.be)}, ru: ${q(names.ru)} }\naliases: [${q(names.en.toUpperCase())}]\nkind: ${kind}\n` };
  }
  for (let a = 0; a < AUTHORS; a += 1) {
    yield { path: `authors/author-${pad(a)}.yaml`, text: `name: ${q(name(writers.en))}\nbio: ${localized((w) => w.sentence(10, 20))}\n` };
  }

  let emitted = 0;
  for (let slot = 0; emitted < options.count; slot += 1) {
    const week = Math.floor(slot / TOPICS_PER_WEEK);
    const monday = addDays(LAST_MONDAY, -7 * week);
    const topic = `topic-${pad(((slot % TOPICS_PER_WEEK) + week) % TOPICS)}`;
    const longForm = slot % 12 === 11;
    const trend = rng.pick(TRENDS);
    const actors = [...new Set(Array.from({ length: rng.int(2, 6) }, () => rng.int(0, ACTORS - 1)))];
    const authors = rng.next() < 0.3 ? [] : [...new Set(Array.from({ length: rng.int(1, 2) }, () => rng.int(0, AUTHORS - 1)))];
    const key = `slot-${pad(slot, 6)}`;
    for (const lang of LANGS) {
      if (emitted >= options.count) break;
      const w = writers[lang];
      const slug = `${monday}-${key}`;
      const fm = [
        `title: ${q(w.title())}`,
        `summary: ${q(`${w.sentence(10, 18)} ${w.sentence(8, 14)}`)}`,
        `kind: ${longForm ? (slot % 24 === 23 ? 'opinion' : 'analysis') : 'weekly'}`,
        ...(longForm ? [`published: ${addDays(monday, 2)}`] : [`period: { start: ${monday}, end: ${addDays(monday, 6)} }`, `topic: ${topic}`, `trend: ${trend}`]),
        `authors: [${authors.map((a) => `author-${pad(a)}`).join(', ')}]`,
        `actors: [${actors.map((a) => `actor-${pad(a)}`).join(', ')}]`,
        `translationKey: ${key}`,
      ];
      const notes = rng.int(1, 4);
      if (longForm) {
        fm.push('sources:');
        for (let n = 1; n <= notes; n += 1) fm.push(`  - { title: ${q(w.title())}, url: "https://example.org/${key}/${n}", outlet: ${q(name(w))}, accessed: ${addDays(monday, 1)} }`);
      }
      yield { path: `analyses/${lang}/${slug}.md`, text: `---\n${fm.join('\n')}\n---\n\n${body(w, actors.map((a) => actorNames[a]?.[lang] ?? ''), notes)}` };
      emitted += 1;
    }
  }
}

/** A 600-900-word body with headings, one list and `notes` footnotes naming the given actors. */
function body(w: Writer, actors: string[], notes: number): string {
  const target = w.rng.int(600, 900);
  const out: string[] = [];
  let words = 0;
  let paragraph = 0;
  let note = 0;
  while (words < target) {
    if (paragraph > 0 && paragraph % 3 === 0) out.push(`## ${capitalise(w.phrase(w.rng.int(2, 4)), w.lang)}`);
    if (paragraph === 2) {
      const items = Array.from({ length: 3 }, () => `- ${w.sentence(6, 12)}`);
      out.push(items.join('\n'));
      words += 30;
    }
    const sentences: string[] = [];
    for (let s = w.rng.int(3, 6); s > 0; s -= 1) {
      const mention = w.rng.next() < 0.3 && actors.length ? [w.rng.pick(actors)] : [];
      let sentence = w.sentence(8, 24, mention);
      if (note < notes && w.rng.next() < 0.15) sentence += `[^${++note}]`;
      sentences.push(sentence);
      words += sentence.split(' ').length;
    }
    out.push(sentences.join(' '));
    paragraph += 1;
  }
  const defs = Array.from({ length: note }, (_, i) => `[^${i + 1}]: ${w.sentence(6, 14)}`);
  return `${out.join('\n\n')}\n${defs.length ? `\n${defs.join('\n')}\n` : ''}`;
}

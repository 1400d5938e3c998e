/**
 * The search relevance set (issue 29): queries a reader types, in English, Belarusian and Russian,
 * each with the analyses that answer it (the first results must come from these), the ones that
 * must be among the first five, the ones that must not, or "no result at all" for a word no
 * analysis has. Two parts: the sample site (content/), written out query by query, and any
 * generated corpus (scripts/generate), whose queries are built from the corpus' own actors,
 * topics and titles. What answers a query is read from the content files here, never from the
 * index. tests/search/relevance.ts runs the set against a built site in Chromium.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { analyses, type ContentAnalysis } from '../e2e/content.ts';

/** What kind of query an entry is (the report counts by kind). */
export type QueryKind = 'word' | 'actor' | 'spelling' | 'cross-script' | 'topic' | 'phrase' | 'prefix' | 'stop' | 'one-letter' | 'absent' | 'typo';

/** One query of the set, resolved against a corpus. */
export interface RelevanceQuery {
  kind: QueryKind;
  lang: 'en' | 'be' | 'ru';
  q: string;
  /** URLs of the analyses that answer the query: the first results must come from these. */
  relevant: string[];
  /** URLs that must be among the first five results. */
  mustTop: string[];
  /** URLs that must not be among the first five results. */
  mustNot: string[];
  /** True when no analysis has the word: the search must find nothing. */
  absent: boolean;
  /** For a typo: the corrected query the page must offer (compared case-insensitively); the runner follows it. */
  suggest?: string;
}

/** An actor as content/actors/*.yaml has it. */
export interface CorpusActor {
  id: string;
  names: Record<'en' | 'be' | 'ru', string>;
  aliases: string[];
}

/** A content folder read for the set: analyses with their text, actors, topics. */
export interface Corpus {
  root: string;
  /** True for a corpus written by scripts/generate (its site title says so). */
  generated: boolean;
  analyses: Record<'en' | 'be' | 'ru', ContentAnalysis[]>;
  actors: CorpusActor[];
  topics: { id: string; names: Record<'en' | 'be' | 'ru', string> }[];
}

const LANGS = ['en', 'be', 'ru'] as const;

/** Reads every YAML file of a content subfolder. */
function yamlFiles(dir: string): { id: string; data: Record<string, unknown> }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ id: f.replace(/\.yaml$/, ''), data: parse(readFileSync(`${dir}/${f}`, 'utf8'), { schema: 'core' }) as Record<string, unknown> }));
}

/** A localized name field as a record. */
function localized(value: unknown): Record<'en' | 'be' | 'ru', string> {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return { en: String(v['en'] ?? ''), be: String(v['be'] ?? ''), ru: String(v['ru'] ?? '') };
}

/** Reads the content folder at `root`. */
export function readCorpus(root: string): Corpus {
  const site = parse(readFileSync(`${root}/site.yaml`, 'utf8'), { schema: 'core' }) as Record<string, unknown>;
  const title = JSON.stringify(site['title'] ?? '');
  return {
    root,
    generated: title.includes('Generated'),
    analyses: { en: analyses('en', root), be: analyses('be', root), ru: analyses('ru', root) },
    actors: yamlFiles(`${root}/actors`).map(({ id, data }) => ({ id, names: localized(data['name']), aliases: Array.isArray(data['aliases']) ? data['aliases'].map(String) : [] })),
    topics: yamlFiles(`${root}/topics`).map(({ id, data }) => ({ id, names: localized(data['name']) })),
  };
}

/** Everything a reader could find an analysis by: title, summary and text. */
function text(a: ContentAnalysis): string {
  return `${a.title}\n${a.summary}\n${a.body}`;
}

/** A query before its analyses are worked out. */
interface Draft {
  kind: QueryKind;
  lang: 'en' | 'be' | 'ru';
  q: string;
  relevant?: (a: ContentAnalysis) => boolean;
  mustTop?: (a: ContentAnalysis) => boolean;
  mustNot?: (a: ContentAnalysis) => boolean;
  absent?: boolean;
  suggest?: string;
}

/** The analyses of a draft's language a test picks, as URLs. */
function urls(corpus: Corpus, lang: 'en' | 'be' | 'ru', test: ((a: ContentAnalysis) => boolean) | undefined): string[] {
  return test ? corpus.analyses[lang].filter(test).map((a) => a.url) : [];
}

/** Text matching a pattern (case-insensitive, Unicode). */
const has = (pattern: string) => (a: ContentAnalysis) => new RegExp(pattern, 'iu').test(text(a));
/** Tagged with an actor. */
const tagged = (actor: string) => (a: ContentAnalysis) => a.actors.includes(actor);
/** On a topic. */
const onTopic = (topic: string) => (a: ContentAnalysis) => a.topic === topic;
/** Title containing a string. */
const titled = (part: string) => (a: ContentAnalysis) => a.title.toLowerCase().includes(part.toLowerCase());
/** Either test. */
const either = (x: (a: ContentAnalysis) => boolean, y: (a: ContentAnalysis) => boolean) => (a: ContentAnalysis) => x(a) || y(a);
/** Every analysis. */
const all = () => true;
/** Word boundaries that work for Cyrillic too (JavaScript's \b does not). */
const W = (word: string) => `(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`;
/** A phrase as the search matches it: its words in a row, whatever punctuation lies between them. */
const P = (phrase: string) => W(phrase.split(/\s+/).join('[^\\p{L}\\p{N}]+'));

/** The sample site's queries (content/), written out. */
function sampleDrafts(): Draft[] {
  return [
    // English: topic words, titles, actors in several spellings and scripts.
    { kind: 'word', lang: 'en', q: 'nuclear', relevant: has(W('nuclear')), mustTop: either(titled('Nuclear hostage'), titled('Training for the bomb')) },
    { kind: 'word', lang: 'en', q: 'pardons', relevant: has(W('pardon(s|ed)?')), mustTop: titled('pardons') },
    { kind: 'word', lang: 'en', q: 'Beijing', relevant: has(W('beijing')), mustTop: titled('Beijing') },
    { kind: 'word', lang: 'en', q: 'Sochi', relevant: has(W('sochi')), mustTop: titled('Sochi') },
    { kind: 'word', lang: 'en', q: 'war', relevant: has(W('wars?')), mustNot: (a) => !has(W('wars?'))(a) },
    { kind: 'word', lang: 'en', q: 'parliamentary elections', relevant: (a) => has(W('parliamentary'))(a) && has(W('elections?'))(a) },
    { kind: 'actor', lang: 'en', q: 'NATO', relevant: either(tagged('nato'), has(W('nato'))) },
    { kind: 'actor', lang: 'en', q: 'Wagner', relevant: either(tagged('wagner-group'), has(W('wagner'))), mustTop: titled('Wagner moves in') },
    { kind: 'actor', lang: 'en', q: 'Lukashenka', relevant: tagged('lukashenka'), mustTop: titled('flatters Lukashenka') },
    { kind: 'actor', lang: 'en', q: 'Tsikhanouskaya', relevant: tagged('tsikhanouskaya') },
    { kind: 'spelling', lang: 'en', q: 'Tikhanovskaya', relevant: tagged('tsikhanouskaya') },
    { kind: 'spelling', lang: 'en', q: 'Lukashenko', relevant: tagged('lukashenka') },
    { kind: 'cross-script', lang: 'en', q: 'Тихановская', relevant: tagged('tsikhanouskaya') },
    { kind: 'cross-script', lang: 'en', q: 'Лукашэнка', relevant: tagged('lukashenka') },
    { kind: 'topic', lang: 'en', q: 'ruling elite', relevant: either(onTopic('ruling-elite'), (a) => has(W('ruling'))(a) && has(W('elite'))(a)) },
    { kind: 'phrase', lang: 'en', q: '"joint grouping"', relevant: has(P('joint grouping')), mustNot: (a) => !has(P('joint grouping'))(a) },
    { kind: 'phrase', lang: 'en', q: '"political prisoners"', relevant: has(P('political prisoners')), mustNot: (a) => !has(P('political prisoners'))(a) },
    { kind: 'prefix', lang: 'en', q: 'sanct', relevant: has(W('sanct\\p{L}*')) },
    { kind: 'prefix', lang: 'en', q: 'nucl', relevant: has(W('nucl\\p{L}*')) },
    { kind: 'stop', lang: 'en', q: 'the sanctions', relevant: has(W('sanctions?')) },
    { kind: 'stop', lang: 'en', q: 'and', relevant: has(W('and')) },
    { kind: 'one-letter', lang: 'en', q: 'a', relevant: all },
    { kind: 'one-letter', lang: 'en', q: 'q', absent: true },
    { kind: 'absent', lang: 'en', q: 'inflation', absent: true },
    { kind: 'absent', lang: 'en', q: 'Orban', absent: true },
    { kind: 'absent', lang: 'en', q: 'Makei', absent: true },
    { kind: 'absent', lang: 'en', q: 'onerror', absent: true },
    { kind: 'typo', lang: 'en', q: 'sanctons', suggest: 'sanctions', relevant: has(W('sanctions?')) },
    { kind: 'typo', lang: 'en', q: 'Lukashneko', suggest: 'lukashenka', relevant: tagged('lukashenka') },
    // Russian.
    { kind: 'word', lang: 'ru', q: 'санкции', relevant: has('санкци'), mustTop: has('санкци') },
    { kind: 'actor', lang: 'ru', q: 'Лукашенко', relevant: tagged('lukashenka') },
    { kind: 'actor', lang: 'ru', q: 'Путин', relevant: tagged('putin') },
    { kind: 'spelling', lang: 'ru', q: 'Lukashenka', relevant: tagged('lukashenka') },
    { kind: 'phrase', lang: 'ru', q: '«Белая Русь»', relevant: has(P('Белая Русь')), mustTop: has(P('Белая Русь')) },
    { kind: 'one-letter', lang: 'ru', q: 'и', relevant: all },
    { kind: 'absent', lang: 'ru', q: 'инфляция', absent: true },
    { kind: 'absent', lang: 'ru', q: 'Тихановская', absent: true },
    { kind: 'typo', lang: 'ru', q: 'Лукашнеко', suggest: 'лукашенко', relevant: tagged('lukashenka') },
    // Belarusian.
    { kind: 'actor', lang: 'be', q: 'Лукашэнка', relevant: tagged('lukashenka') },
    { kind: 'actor', lang: 'be', q: 'Пуцін', relevant: tagged('putin') },
    { kind: 'spelling', lang: 'be', q: 'Lukashenko', relevant: tagged('lukashenka') },
    { kind: 'one-letter', lang: 'be', q: 'і', relevant: all },
    { kind: 'one-letter', lang: 'be', q: 'и', absent: true },
    { kind: 'absent', lang: 'be', q: 'Ціханоўская', absent: true },
    { kind: 'typo', lang: 'be', q: 'санкцыі', suggest: 'санкцый', relevant: has('санкцы') },
  ];
}

/** Latin, Cyrillic (Russian) and Cyrillic (Belarusian) syllables for words the generator never writes. */
const NONSENSE: Record<'en' | 'be' | 'ru', string[]> = { en: ['zorb', 'quix', 'vulm'], ru: ['жэщ', 'фыъ', 'щюп'], be: ['жшчэ', 'фыў', 'цюўк'] };

/** A generated corpus' queries, built from its actors, topics and titles. */
function generatedDrafts(corpus: Corpus): Draft[] {
  const drafts: Draft[] = [];
  const stop = { en: 'the', ru: 'и', be: 'і' } as const;
  for (const lang of LANGS) {
    const list = corpus.analyses[lang];
    if (list.length === 0) continue;
    const count = (id: string) => list.filter((a) => a.actors.includes(id)).length;
    // The actor most analyses name, with a surname long enough to misspell.
    const actor = [...corpus.actors].filter((a) => (a.names[lang].split(' ')[1] ?? '').length >= 5).sort((a, b) => count(b.id) - count(a.id) || a.id.localeCompare(b.id))[0];
    if (actor) {
      const surname = actor.names[lang].split(' ')[1] ?? '';
      const other = lang === 'en' ? actor.names.ru : actor.names.en;
      // Names are drawn from the vocabulary, so actors share words: a query names every actor
      // with its words, and the analyses tagged with any of them answer it.
      const naming = (q: string) => {
        const words = q.toLocaleLowerCase().split(' ').filter((w) => w.length >= 4);
        const ids = corpus.actors.filter((a) => [...Object.values(a.names), ...a.aliases].some((n) => words.every((w) => n.toLocaleLowerCase().split(' ').includes(w)))).map((a) => a.id);
        return (a: ContentAnalysis) => a.actors.some((id) => ids.includes(id));
      };
      drafts.push({ kind: 'actor', lang, q: actor.names[lang], relevant: naming(actor.names[lang]) });
      drafts.push({ kind: 'actor', lang, q: surname, relevant: naming(surname) });
      drafts.push({ kind: 'cross-script', lang, q: other, relevant: naming(other) });
      drafts.push({ kind: 'stop', lang, q: `${stop[lang]} ${surname}`, relevant: naming(surname) });
      const typo = `${surname.slice(0, 3)}${surname[2] ?? ''}${surname.slice(3)}`;
      if (!list.some(has(W(typo)))) drafts.push({ kind: 'typo', lang, q: typo, suggest: surname.toLocaleLowerCase(lang), relevant: naming(surname) });
    }
    const topic = corpus.topics.map((t) => ({ t, n: list.filter((a) => a.topic === t.id).length })).sort((a, b) => b.n - a.n || a.t.id.localeCompare(b.t.id))[0]?.t;
    if (topic) drafts.push({ kind: 'topic', lang, q: topic.names[lang], relevant: onTopic(topic.id) });
    // Two words in a row from a title, both long (function words stem into each other: its, it).
    const title = list
      .flatMap((a) => a.title.split(' ').map((w, i, ws) => [w, ws[i + 1] ?? ''] as const))
      .find(([a, b]) => a.length >= 5 && b.length >= 5)
      ?.join(' ');
    if (title) drafts.push({ kind: 'phrase', lang, q: `"${title}"`, relevant: has(P(title)), mustNot: (a) => !has(P(title))(a) });
    const absent = NONSENSE[lang].find((w) => !list.some(has(w)));
    if (absent) drafts.push({ kind: 'absent', lang, q: absent, absent: true });
  }
  return drafts;
}

/** The set for a corpus: the sample site's queries, or the generated corpus' ones. */
export function relevanceSet(corpus: Corpus): RelevanceQuery[] {
  const drafts = corpus.generated ? generatedDrafts(corpus) : sampleDrafts();
  return drafts.map((d) => ({
    kind: d.kind,
    lang: d.lang,
    q: d.q,
    relevant: urls(corpus, d.lang, d.relevant),
    mustTop: urls(corpus, d.lang, d.mustTop),
    mustNot: urls(corpus, d.lang, d.mustNot),
    absent: d.absent ?? false,
    ...(d.suggest ? { suggest: d.suggest } : {}),
  }));
}

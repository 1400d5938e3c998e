/**
 * Interface strings: every language has every English key (nested ones too), nothing is empty or
 * left in English, functions work for sample arguments, and counts follow each language's plural rules.
 */
import { describe, expect, it } from 'vitest';
import { t, ui } from '../../src/i18n/index.ts';
import { en } from '../../src/i18n/en.ts';
import { LANGUAGES, type Language } from '../../src/schemas/primitives.ts';

type Leaf = string | ((...args: never[]) => string);

/** Every leaf of a strings object as [dotted path, value], nested objects flattened. */
function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (value === null || typeof value !== 'object') return [[prefix, value]];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

/** The leaf at a dotted path. */
function at(strings: unknown, path: string): Leaf {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], strings) as Leaf;
}

const enLeaves = leaves(en);
const enPaths = enLeaves.map(([p]) => p).sort();
const functionPaths = enLeaves.filter(([, v]) => typeof v === 'function').map(([p]) => p);
const stringPaths = enLeaves.filter(([, v]) => typeof v === 'string').map(([p]) => p);

/** Sample numbers every function is called with. */
const SAMPLES = [0, 1, 2, 5, 21, 22, 25];

/**
 * Argument lists per function key. Date-bearing functions take an already formatted date, so they get
 * one. A key missing here (e.g. newly added) is called with the sample numbers in every position.
 */
const ARGS: Record<string, unknown[][]> = {
  accessed: [['11 October 2022'], ['11 кастрычніка 2022 г.'], ['11 октября 2022 г.']],
  origin: [['Nasha Niva'], ['Reform.news']],
  weekOf: [['29 August – 4 September 2022'], ['2–8 чэрвеня 2025'], ['2–8 июня 2025 г.']],
  pageOf: SAMPLES.filter((n) => n > 0).map((n) => [1, n]).concat(SAMPLES.filter((n) => n > 0).map((n) => [n, 25])),
  // With nothing set the disclosure says just "Filters": the count appears from 1 on. Group
  // names are lowercased inside a sentence, so the samples are lowercase already.
  'search.filtersSet': SAMPLES.filter((n) => n > 0).map((n) => [n]),
  'search.unknownValue': [['verdict', 'terrible'], ['тэма', '<script>']],
  'search.removeValue': [['verdict', 'The situation got worse'], ['тема', 'Силовые структуры']],
  // Absent words, one argument each; one word is the usual case.
  'search.absent': [['inflation'], ['інфляцыя', 'санкцыі']],
  'search.suggestion': [['sanctions', 12], ['Лукашэнка', 1], ['санкцый', 0]],
  'search.searchInstead': [['belarus', 24], ['Мінск', 2]],
};

function argsFor(path: string, arity: number): unknown[][] {
  return ARGS[path] ?? SAMPLES.map((n) => Array.from({ length: Math.max(arity, 1) }, () => n));
}

/**
 * be/ru leaves that may legitimately equal the English value (a brand name, a code). None expected:
 * every interface string is translated. Add a path here, with a reason, only if that changes.
 */
const SAME_AS_EN: Record<Exclude<Language, 'en'>, string[]> = { be: [], ru: [] };

/** Leaves not in the language's own script (Intl locale tags are Latin by definition). */
/** Codes for machines, not text for readers: a locale tag and reference formats' language names. */
const NOT_CYRILLIC = ['locale', 'citation.biblatexLanguage', 'citation.risLanguage'];

const translated = LANGUAGES.filter((l): l is Exclude<Language, 'en'> => l !== 'en');

describe('ui strings: completeness', () => {
  it('has a strings object for every language, served by t()', () => {
    expect(Object.keys(ui).sort()).toEqual([...LANGUAGES].sort());
    for (const lang of LANGUAGES) expect(t(lang)).toBe(ui[lang]);
  });

  it.each(LANGUAGES)('%s has exactly the keys of en, nested ones included', (lang) => {
    expect(leaves(ui[lang]).map(([p]) => p).sort()).toEqual(enPaths);
  });

  it.each(LANGUAGES)('%s has no empty value and no leaf of the wrong kind', (lang) => {
    for (const path of stringPaths) {
      const v = at(ui[lang], path);
      expect(typeof v, `${lang}: ${path}`).toBe('string');
      expect((v as string).trim(), `${lang}: ${path} is empty`).not.toBe('');
      expect(v, `${lang}: ${path} has stray whitespace`).toBe((v as string).trim());
    }
    for (const path of functionPaths) expect(typeof at(ui[lang], path), `${lang}: ${path}`).toBe('function');
  });

  it.each(LANGUAGES)('%s functions return non-empty strings that contain their arguments', (lang) => {
    expect(functionPaths.length).toBeGreaterThan(0);
    for (const path of functionPaths) {
      const f = at(ui[lang], path) as (...args: unknown[]) => unknown;
      for (const args of argsFor(path, f.length)) {
        const out = f(...args);
        expect(typeof out, `${lang}: ${path}(${args.join(', ')})`).toBe('string');
        expect((out as string).trim(), `${lang}: ${path}(${args.join(', ')}) is empty`).not.toBe('');
        for (const a of args) expect(out, `${lang}: ${path}(${args.join(', ')}) drops ${String(a)}`).toContain(String(a));
      }
    }
  });

  it.each(LANGUAGES)('%s locale is a BCP 47 tag that Intl supports for its language', (lang) => {
    const { locale } = ui[lang];
    expect(locale.split('-')[0]).toBe(lang);
    expect(Intl.PluralRules.supportedLocalesOf([locale])).toEqual([locale]);
    expect(Intl.DateTimeFormat.supportedLocalesOf([locale])).toEqual([locale]);
  });

  it('uses the expected locales', () => {
    expect(ui.be.locale).toBe('be-BY');
    expect(ui.ru.locale).toBe('ru-RU');
  });
});

describe('ui strings: translations', () => {
  it.each(translated)('%s exceptions list only real paths', (lang) => {
    for (const path of SAME_AS_EN[lang]) expect(enPaths, `${lang}: ${path}`).toContain(path);
  });

  it.each(translated)('%s translates every string (none equal to en except listed ones)', (lang) => {
    const same = stringPaths.filter((p) => at(ui[lang], p) === at(en, p));
    expect(same.sort()).toEqual([...SAME_AS_EN[lang]].sort());
  });

  it.each(translated)('%s translates every function (outputs differ from en for the same arguments)', (lang) => {
    for (const path of functionPaths.filter((p) => !SAME_AS_EN[lang].includes(p))) {
      const f = at(ui[lang], path) as (...args: unknown[]) => string;
      const g = at(en, path) as (...args: unknown[]) => string;
      for (const args of argsFor(path, f.length)) expect(f(...args), `${lang}: ${path}(${args.join(', ')})`).not.toBe(g(...args));
    }
  });

  it.each(translated)('%s strings are written in Cyrillic', (lang) => {
    for (const path of stringPaths.filter((p) => !NOT_CYRILLIC.includes(p) && !SAME_AS_EN[lang].includes(p))) {
      expect(at(ui[lang], path), `${lang}: ${path}`).toMatch(/\p{Script=Cyrillic}/u);
    }
  });

  it('keeps Belarusian and Russian letters apart', () => {
    // Belarusian has і and ў but no и, щ or ъ; Russian the reverse.
    for (const path of stringPaths) {
      expect(at(ui.be, path), `be: ${path}`).not.toMatch(/[ИиЩщЪъ]/u);
      expect(at(ui.ru, path), `ru: ${path}`).not.toMatch(/[ІіЎў]/u);
    }
  });
});

describe('ui strings: plurals', () => {
  const expected: Record<Exclude<Language, 'en'>, Record<number, string>> = {
    be: {
      0: '0 матэрыялаў',
      1: '1 матэрыял',
      2: '2 матэрыялы',
      4: '4 матэрыялы',
      5: '5 матэрыялаў',
      11: '11 матэрыялаў',
      12: '12 матэрыялаў',
      21: '21 матэрыял',
      22: '22 матэрыялы',
      25: '25 матэрыялаў',
      101: '101 матэрыял',
      111: '111 матэрыялаў',
    },
    ru: {
      0: '0 материалов',
      1: '1 материал',
      2: '2 материала',
      4: '4 материала',
      5: '5 материалов',
      11: '11 материалов',
      12: '12 материалов',
      21: '21 материал',
      22: '22 материала',
      25: '25 материалов',
      101: '101 материал',
      111: '111 материалов',
    },
  };

  it.each(translated)('%s analysesCount agrees with the number', (lang) => {
    for (const [n, text] of Object.entries(expected[lang])) expect(ui[lang].analysesCount(Number(n))).toBe(text);
  });

  it.each(translated)('%s analysesCount has distinct one/few/many words (1, 2, 5) that recur at 21, 22, 25', (lang) => {
    const word = (n: number) => ui[lang].analysesCount(n).replace(/^\d+ /u, '');
    expect(new Set([word(1), word(2), word(5)]).size).toBe(3);
    expect(word(21)).toBe(word(1));
    expect(word(22)).toBe(word(2));
    expect(word(25)).toBe(word(5));
    expect(word(0)).toBe(word(5));
  });

  it.each(LANGUAGES)('%s analysesCount picks one word per Intl.PluralRules category', (lang) => {
    const rules = new Intl.PluralRules(ui[lang].locale);
    const wordByCategory = new Map<string, string>();
    for (let n = 0; n <= 250; n += 1) {
      const out = ui[lang].analysesCount(n);
      expect(out.startsWith(`${n} `), out).toBe(true);
      const word = out.slice(`${n} `.length);
      const category = rules.select(n);
      const seen = wordByCategory.get(category);
      if (seen === undefined) wordByCategory.set(category, word);
      else expect(word, `${lang}: ${n} (${category})`).toBe(seen);
    }
    // Each integer category has its own word.
    expect(new Set(wordByCategory.values()).size).toBe(wordByCategory.size);
  });
});

/**
 * Word lists for synthetic corpora: each language starts with its real function words (so text
 * tokenises and stems like prose) followed by pseudo-words built from that language's syllables,
 * to a fixed vocabulary size.
 */
import type { Language } from '../../src/schemas/primitives.ts';
import type { Rng } from './random.ts';

const FUNCTION_WORDS: Record<Language, string[]> = {
  en: 'the of and to in a is that for on with as was by it at from this be are not which or has have an but its their will been would more its also after than who they had were over into about against between under while during before there new such could only other most both'.split(' '),
  ru: 'и в не на что с по как к из за от о это для же но у до при так уже после еще был были было его их она они который которые также может между против только если более во время без через под над'.split(' '),
  be: 'і ў не на што з па як да з-за ад пра гэта для ж але у пры так ужо пасля яшчэ быў былі было яго іх яна яны які якія таксама можа паміж супраць толькі калі больш падчас без праз пад над'.split(' '),
};

const SYLLABLES: Record<Language, { onset: string[]; nucleus: string[]; coda: string[] }> = {
  en: { onset: ['b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'st', 'pr', 'tr', 'gr', 'cl', 'sh', 'ch'], nucleus: ['a', 'e', 'i', 'o', 'u', 'ea', 'io', 'ou'], coda: ['', '', 'n', 'r', 's', 't', 'l', 'nd', 'st', 'ng', 'rt'] },
  ru: { onset: ['б', 'в', 'г', 'д', 'ж', 'з', 'к', 'л', 'м', 'н', 'п', 'р', 'с', 'т', 'ф', 'х', 'ч', 'ш', 'ст', 'пр', 'тр', 'гр', 'кр'], nucleus: ['а', 'е', 'и', 'о', 'у', 'ы', 'я', 'ю'], coda: ['', '', 'н', 'р', 'с', 'т', 'л', 'й', 'ст', 'нт', 'ск'] },
  be: { onset: ['б', 'в', 'г', 'д', 'ж', 'з', 'к', 'л', 'м', 'н', 'п', 'р', 'с', 'т', 'ф', 'х', 'ч', 'ш', 'ст', 'пр', 'тр', 'гр', 'кр'], nucleus: ['а', 'е', 'і', 'о', 'у', 'ы', 'я', 'ю', 'э'], coda: ['', '', 'н', 'р', 'с', 'т', 'л', 'й', 'ў', 'ст', 'нт'] },
};

/** Builds `size` distinct words for `lang`: function words first, then pseudo-words. */
export function buildVocabulary(lang: Language, size: number, rng: Rng): string[] {
  const words = [...FUNCTION_WORDS[lang]];
  const seen = new Set(words);
  const { onset, nucleus, coda } = SYLLABLES[lang];
  while (words.length < size) {
    const syllables = rng.int(1, 4);
    let w = '';
    for (let i = 0; i < syllables; i += 1) w += rng.pick(onset) + rng.pick(nucleus) + (i === syllables - 1 ? rng.pick(coda) : '');
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  return words;
}

/** Capitalises the first letter (locale-aware for Cyrillic). */
export function capitalise(word: string, lang: Language): string {
  return word.charAt(0).toLocaleUpperCase(lang) + word.slice(1);
}

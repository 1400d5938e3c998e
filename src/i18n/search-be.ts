/** Belarusian strings of the search page, in their own module: the search page's script loads only its language's. */
import type { SearchStrings } from './types.ts';

const plural = new Intl.PluralRules('be-BY');

/** "матэрыял" agreed with a number: 1, 21 матэрыял; 2, 22 матэрыялы; 0, 5, 11, 25 матэрыялаў; 1,5 матэрыялу. */
export function materials(n: number): string {
  switch (plural.select(n)) {
    case 'one':
      return 'матэрыял';
    case 'few':
      return 'матэрыялы';
    case 'many':
      return 'матэрыялаў';
    default:
      return 'матэрыялу';
  }
}

/** Quoted words joined as a list: “a”, “b” or “c”. */
function list(words: readonly string[], conjunction: string): string {
  const q = words.map((w) => `«${w}»`);
  return q.length > 1 ? `${q.slice(0, -1).join(', ')} ${conjunction} ${q.at(-1) ?? ''}` : (q[0] ?? '');
}

/** Belarusian strings of the search page. */
export const search: SearchStrings = {
  groups: { topic: 'Тэма', trend: 'Ацэнка', actor: 'Дзеючыя асобы', author: 'Аўтары', kind: 'Жанр', year: 'Год', language: 'Мова' },
  filters: 'Фільтры',
  clearFilters: 'Скінуць усе фільтры',
  results: 'Вынікі пошуку',
  scope: 'Мовы',
  scopePage: 'Толькі па-беларуску',
  scopeAll: 'Усе мовы',
  sort: 'Парадак',
  sorts: { relevance: 'Па адпаведнасці', newest: 'Спачатку новыя', oldest: 'Спачатку старыя' },
  total: (n) => `${n} ${materials(n)}`,
  totalFor: (n, query) => `${n} ${materials(n)} па запыце «${query}»`,
  searching: (query) => `Пошук: «${query}»…`,
  loading: 'Загрузка…',
  showMore: (shown, total) => `Паказаць яшчэ (паказана ${shown} з ${total})`,
  failed: 'Не ўдалося загрузіць пошук. Абнавіце старонку або праглядайце матэрыялы па тэмах, дзеючых асобах і тыднях.',
  needsBuild: 'Пошук выкарыстоўвае індэкс апошняй зборкі, а яе яшчэ не было: выканайце npm run build і абнавіце старонку.',
  filtersSet: (n) => (n ? `Фільтры (выбрана: ${n})` : 'Фільтры'),
  unknownValue: (group, value) => `${group}: значэнне «${value}» невядомае і не ўлічваецца.`,
  noResults: 'Нічога не знойдзена. Можна:',
  removeValue: (group, label) => `прыбраць фільтр «${label}» (${`${group}`.toLowerCase()})`,
  browseTopics: 'паглядзець тэмы',
  browseWeeks: 'паглядзець тыдні',
  byTopic: 'Удакладніць па тэме',
  skipToResults: 'Перайсці да вынікаў',
  excerpt: 'З тэксту',
  absent: (...words) => (words.length === 1 ? `Ні ў адным матэрыяле няма слова ${list(words, 'і')}.` : `Ні ў адным матэрыяле няма слоў ${list(words, 'і')}.`),
  didYouMean: 'Магчыма, вы мелі на ўвазе',
  suggestion: (query, n) => `«${query}» (${n} ${materials(n)})`,
  searchInstead: (query, n) => `шукаць толькі «${query}» (${n} ${materials(n)})`,
  elsewhere: 'На іншых мовах',
  noPhrase: 'Ні ў адным матэрыяле няма гэтых слоў разам.',
};

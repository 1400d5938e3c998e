/** Belarusian strings of the search page, in their own module: the search page's script loads only its language's. */
import type { SearchStrings } from './types.ts';
import { GUILLEMETS, pluralWord, quotedList } from './wording.ts';

/** "матэрыял" agreed with a number: 1, 21 матэрыял; 2, 22 матэрыялы; 0, 5, 11, 25 матэрыялаў; 1,5 матэрыялу. */
export const materials = pluralWord('be-BY', { one: 'матэрыял', few: 'матэрыялы', many: 'матэрыялаў', other: 'матэрыялу' });

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
  absent: (...words) => (words.length === 1 ? `Ні ў адным матэрыяле няма слова ${quotedList(words, 'і', GUILLEMETS)}.` : `Ні ў адным матэрыяле няма слоў ${quotedList(words, 'і', GUILLEMETS)}.`),
  didYouMean: 'Магчыма, вы мелі на ўвазе',
  suggestion: (query, n) => `«${query}» (${n} ${materials(n)})`,
  searchInstead: (query, n) => `шукаць толькі «${query}» (${n} ${materials(n)})`,
  elsewhere: 'На іншых мовах',
  noPhrase: 'Ні ў адным матэрыяле няма гэтых слоў разам.',
};

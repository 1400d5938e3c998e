/** Russian strings of the search page, in their own module: the search page's script loads only its language's. */
import type { SearchStrings } from './types.ts';
import { GUILLEMETS, pluralWord, quotedList } from './wording.ts';

/** "материал" agreed with a number: 1, 21 материал; 2, 22 материала; 0, 5, 11, 25 материалов; 1,5 материала. */
export const materials = pluralWord('ru-RU', { one: 'материал', few: 'материала', many: 'материалов', other: 'материала' });

/** Russian strings of the search page. */
export const search: SearchStrings = {
  groups: { topic: 'Тема', trend: 'Оценка', actor: 'Действующие лица', author: 'Авторы', kind: 'Жанр', year: 'Год', language: 'Язык' },
  filters: 'Фильтры',
  clearFilters: 'Сбросить все фильтры',
  results: 'Результаты поиска',
  scope: 'Языки',
  scopePage: 'Только на русском',
  scopeAll: 'Все языки',
  sort: 'Порядок',
  sorts: { relevance: 'По релевантности', newest: 'Сначала новые', oldest: 'Сначала старые' },
  total: (n) => `${n} ${materials(n)}`,
  totalFor: (n, query) => `${n} ${materials(n)} по запросу «${query}»`,
  searching: (query) => `Поиск: «${query}»…`,
  loading: 'Загрузка…',
  showMore: (shown, total) => `Показать ещё (показано ${shown} из ${total})`,
  failed: 'Не удалось загрузить поиск. Обновите страницу или просматривайте материалы по темам, действующим лицам и неделям.',
  needsBuild: 'Поиск использует индекс последней сборки, а её ещё не было: выполните npm run build и обновите страницу.',
  filtersSet: (n) => (n ? `Фильтры (выбрано: ${n})` : 'Фильтры'),
  unknownValue: (group, value) => `${group}: значение «${value}» неизвестно и не учитывается.`,
  noResults: 'Ничего не найдено. Можно:',
  removeValue: (group, label) => `убрать фильтр «${label}» (${`${group}`.toLowerCase()})`,
  browseTopics: 'посмотреть темы',
  browseWeeks: 'посмотреть недели',
  byTopic: 'Уточнить по теме',
  skipToResults: 'Перейти к результатам',
  excerpt: 'Из текста',
  absent: (...words) => (words.length === 1 ? `Ни в одном материале нет слова ${quotedList(words, 'и', GUILLEMETS)}.` : `Ни в одном материале нет слов ${quotedList(words, 'и', GUILLEMETS)}.`),
  didYouMean: 'Возможно, вы имели в виду',
  suggestion: (query, n) => `«${query}» (${n} ${materials(n)})`,
  searchInstead: (query, n) => `искать только «${query}» (${n} ${materials(n)})`,
  elsewhere: 'На других языках',
  noPhrase: 'Ни в одном материале нет этих слов вместе.',
};

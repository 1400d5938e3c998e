/** Russian interface strings. */
import type { UiStrings } from './types.ts';

const plural = new Intl.PluralRules('ru-RU');

/** "материал" agreed with a number: 1, 21 материал; 2, 22 материала; 0, 5, 11, 25 материалов; 1,5 материала. */
function materials(n: number): string {
  switch (plural.select(n)) {
    case 'one':
      return 'материал';
    case 'few':
      return 'материала';
    case 'many':
      return 'материалов';
    default:
      return 'материала';
  }
}

/** Russian interface strings. */
export const ru: UiStrings = {
  languageName: 'Русский',
  locale: 'ru-RU',
  skipToContent: 'Перейти к содержанию',
  mainNavigation: 'Главное меню',
  nav: { home: 'Главная', weeks: 'Недели', topics: 'Темы', actors: 'Действующие лица', authors: 'Авторы', trends: 'Оценки', archive: 'Архив', search: 'Поиск' },
  searchLabel: 'Поиск по материалам',
  searchPlaceholder: 'Тема, действующее лицо или слово',
  searchButton: 'Найти',
  languageSwitcher: 'Язык',
  editorial: 'Редакция',
  byline: 'Текст:',
  topic: 'Тема',
  actors: 'Действующие лица',
  authors: 'Авторы',
  period: 'Неделя',
  published: 'Опубликовано',
  verdict: 'Оценка',
  kinds: { weekly: 'Еженедельный анализ', analysis: 'Аналитика', opinion: 'Мнение' },
  sources: 'Источники',
  accessed: (date) => `дата обращения: ${date}`,
  coverCredit: 'Иллюстрация',
  origin: (outlet) => `Впервые опубликовано: ${outlet}`,
  alsoIn: 'На других языках',
  translationNotice: 'Этот материал доступен также на языках:',
  weekElsewhere: {
    heading: 'Только на других языках',
    intro: 'У этих материалов недели пока нет русской версии.',
    empty: 'Материалов за эту неделю на русском нет.',
  },
  footnotes: { label: 'Примечания', backLabel: 'Вернуться к тексту' },
  olderOnTopic: 'Ранее по этой теме',
  newerOnTopic: 'Позже по этой теме',
  related: 'Связанные материалы',
  weekOf: (period) => `Неделя ${period}`,
  olderWeek: 'Предыдущая неделя',
  newerWeek: 'Следующая неделя',
  latestWeek: 'Последняя неделя',
  recentLongForm: 'Свежая аналитика и мнения',
  earlierWeeks: 'Предыдущие недели',
  allWeeks: 'Все недели',
  analysesCount: (n) => `${n} ${materials(n)}`,
  pageOf: (page, total) => `Страница ${page} из ${total}`,
  pagination: 'Страницы',
  previousPage: 'Более новые',
  nextPage: 'Более ранние',
  noAnalyses: 'Материалов пока нет.',
  notFoundTitle: 'Страница не найдена',
  notFoundText: 'По этому адресу страницы нет. Попробуйте архив или поиск.',
  archiveTitle: 'Архив',
  trendsTitle: 'Оценки',
  trendsIntro: 'Каждый еженедельный анализ завершается оценкой того, как за неделю изменилась ситуация.',
  topicsIntro: 'Темы, за которыми следит еженедельный дайджест.',
  actorsIntro: 'Люди, организации и страны, упомянутые в материалах.',
  authorsIntro: 'Кто пишет аналитику. Тексты без подписи — от редакции.',
  weeksIntro: 'Все недели, которые освещал дайджест, от новых к более ранним.',
  searchTitle: 'Поиск',
  searchNeedsJs: 'Полнотекстовый поиск работает в вашем браузере и требует JavaScript. Материалы можно также просматривать по темам, действующим лицам или неделям.',
  searchThese: 'Искать в этих материалах',
  search: {
    groups: { topic: 'Тема', trend: 'Оценка', actor: 'Действующие лица', author: 'Авторы', kind: 'Жанр', year: 'Год', language: 'Язык' },
    filters: 'Фильтры',
    clear: 'Очистить',
    clearFilters: 'Сбросить все фильтры',
    inputHint: 'Результаты появляются по мере ввода',
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
    selected: (n) => `выбрано: ${n}`,
    keyboard: { navigate: 'перейти', select: 'открыть', clear: 'очистить', search: 'искать' },
  },
  footer: 'Еженедельные аналитические комментарии. Сайт состоит из статических страниц.',
  actorKinds: { person: 'Персона', organisation: 'Организация', country: 'Страна' },
  charts: {
    heatmapTitle: 'Оценки по темам и неделям',
    heatmapIntro: 'Каждая строка — тема, каждый столбец — неделя. Клетка показывает оценку материала по этой теме за неделю и ведёт к нему; пустая клетка означает, что материала за неделю не было.',
    heatmapYear: (year) => `Оценки за ${year} год`,
    years: 'Годы',
    heatmapTable: (year) => `Оценки по неделям и темам, ${year}`,
    cell: (topic, week, verdict) => `${topic}, неделя ${week}: ${verdict}`,
    noAnalysis: 'Нет материала',
    showTable: 'Показать данные таблицей',
    situationTitle: 'Индекс ситуации',
    situationIntro: 'Все оценки по этой теме во времени и их накопленная сумма: лучше +1, без изменений 0, хуже −1.',
    situationDesc: (topic, from, to) => `Линейный график индекса ситуации по теме «${topic}» с ${from} по ${to}.`,
    mentionsTitle: 'Упоминания по месяцам',
    mentionsIntro: 'Число материалов, в которых упоминается это действующее лицо, по месяцам и оценкам.',
    mentionsDesc: (actor, from, to) => `Столбчатая диаграмма: материалы с упоминанием «${actor}» по месяцам с ${from} по ${to}, по оценкам.`,
    month: 'Месяц',
    count: 'Материалы',
    noVerdict: 'Без оценки (аналитика)',
    total: 'Всего',
    stripTitle: 'Оценки за неделю',
  },
  feeds: { subscribe: 'RSS-лента', siteFeed: (site) => `${site}: все материалы` },
  cite: { title: 'Как цитировать', intro: 'Скопируйте ссылку в нужном формате.', apa: 'Стиль APA', bibtex: 'Запись BibTeX (biblatex)', csl: 'CSL-JSON (для Zotero, Mendeley)' },
  openData: {
    title: 'Открытые данные',
    intro: 'Все опубликованные материалы в форматах JSON и CSV, а также JSON Schema их метаданных (frontmatter).',
    json: 'Все материалы (JSON)',
    csv: 'Все материалы (CSV)',
    schema: 'Схема метаданных (JSON Schema)',
  },
};

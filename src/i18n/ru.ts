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
  alsoIn: 'Другие языки',
  translationNotice: 'Этот материал доступен также на языках:',
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
  footer: 'Еженедельные аналитические комментарии. Сайт состоит из статических страниц.',
  actorKinds: { person: 'Персона', organisation: 'Организация', country: 'Страна' },
};

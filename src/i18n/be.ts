/** Belarusian interface strings (modern official orthography). */
import type { UiStrings } from './types.ts';

const plural = new Intl.PluralRules('be-BY');

/** "матэрыял" agreed with a number: 1, 21 матэрыял; 2, 22 матэрыялы; 0, 5, 11, 25 матэрыялаў; 1,5 матэрыялу. */
function materials(n: number): string {
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

/** Belarusian interface strings. */
export const be: UiStrings = {
  languageName: 'Беларуская',
  locale: 'be-BY',
  skipToContent: 'Перайсці да зместу',
  mainNavigation: 'Галоўнае меню',
  nav: { home: 'Галоўная', weeks: 'Тыдні', topics: 'Тэмы', actors: 'Дзеючыя асобы', authors: 'Аўтары', trends: 'Ацэнкі', archive: 'Архіў', search: 'Пошук' },
  searchLabel: 'Пошук па матэрыялах',
  searchPlaceholder: 'Тэма, дзеючая асоба або слова',
  searchButton: 'Шукаць',
  languageSwitcher: 'Мова',
  editorial: 'Рэдакцыя',
  byline: 'Тэкст:',
  topic: 'Тэма',
  actors: 'Дзеючыя асобы',
  authors: 'Аўтары',
  period: 'Тыдзень',
  published: 'Апублікавана',
  verdict: 'Ацэнка',
  kinds: { weekly: 'Штотыднёвы аналіз', analysis: 'Аналітыка', opinion: 'Меркаванне' },
  sources: 'Крыніцы',
  accessed: (date) => `дата звароту: ${date}`,
  coverCredit: 'Ілюстрацыя',
  origin: (outlet) => `Упершыню апублікавана: ${outlet}`,
  alsoIn: 'Іншыя мовы',
  translationNotice: 'Гэты матэрыял ёсць таксама на мовах:',
  olderOnTopic: 'Раней на гэтую тэму',
  newerOnTopic: 'Пазней на гэтую тэму',
  related: 'Звязаныя матэрыялы',
  weekOf: (period) => `Тыдзень ${period}`,
  olderWeek: 'Папярэдні тыдзень',
  newerWeek: 'Наступны тыдзень',
  latestWeek: 'Апошні тыдзень',
  recentLongForm: 'Свежая аналітыка і меркаванні',
  earlierWeeks: 'Папярэднія тыдні',
  allWeeks: 'Усе тыдні',
  analysesCount: (n) => `${n} ${materials(n)}`,
  pageOf: (page, total) => `Старонка ${page} з ${total}`,
  pagination: 'Старонкі',
  previousPage: 'Навейшыя',
  nextPage: 'Ранейшыя',
  noAnalyses: 'Матэрыялаў пакуль няма.',
  notFoundTitle: 'Старонка не знойдзена',
  notFoundText: 'Па гэтым адрасе старонкі няма. Паспрабуйце архіў або пошук.',
  archiveTitle: 'Архіў',
  trendsTitle: 'Ацэнкі',
  trendsIntro: 'Кожны штотыднёвы аналіз завяршаецца ацэнкай таго, як за тыдзень змянілася сітуацыя.',
  topicsIntro: 'Тэмы, за якімі сочыць штотыднёвы дайджэст.',
  actorsIntro: 'Людзі, арганізацыі і краіны, згаданыя ў матэрыялах.',
  authorsIntro: 'Хто піша аналітыку. Тэксты без подпісу — ад рэдакцыі.',
  weeksIntro: 'Усе тыдні, якія асвятляў дайджэст, ад навейшых да ранейшых.',
  searchTitle: 'Пошук',
  searchNeedsJs: 'Поўнатэкставы пошук працуе ў вашым браўзеры і патрабуе JavaScript. Матэрыялы можна таксама праглядаць па тэмах, дзеючых асобах або тыднях.',
  searchThese: 'Шукаць у гэтых матэрыялах',
  footer: 'Штотыднёвыя аналітычныя каментарыі. Сайт складаецца са статычных старонак.',
  actorKinds: { person: 'Асоба', organisation: 'Арганізацыя', country: 'Краіна' },
};

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
  alsoIn: 'На іншых мовах',
  translationNotice: 'Гэты матэрыял ёсць таксама на мовах:',
  weekElsewhere: {
    heading: 'Толькі на іншых мовах',
    intro: 'Гэтыя матэрыялы тыдня пакуль не маюць беларускай версіі.',
    empty: 'Матэрыялаў за гэты тыдзень па-беларуску няма.',
  },
  footnotes: { label: 'Заўвагі', backLabel: 'Вярнуцца да тэксту' },
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
  search: {
    groups: { topic: 'Тэма', trend: 'Ацэнка', actor: 'Дзеючыя асобы', author: 'Аўтары', kind: 'Жанр', year: 'Год', language: 'Мова' },
    filters: 'Фільтры',
    clear: 'Ачысціць',
    clearFilters: 'Скінуць усе фільтры',
    inputHint: 'Вынікі з’яўляюцца падчас уводу',
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
    selected: (n) => `выбрана: ${n}`,
    keyboard: { navigate: 'перайсці', select: 'адкрыць', clear: 'ачысціць', search: 'шукаць' },
  },
  footer: 'Штотыднёвыя аналітычныя каментарыі. Сайт складаецца са статычных старонак.',
  actorKinds: { person: 'Асоба', organisation: 'Арганізацыя', country: 'Краіна' },
  charts: {
    heatmapTitle: 'Ацэнкі па тэмах і тыднях',
    heatmapIntro: 'Кожны радок — тэма, кожны слупок — тыдзень. Клетка паказвае ацэнку матэрыялу на гэтую тэму за тыдзень і вядзе да яго; пустая клетка азначае, што матэрыялу за тыдзень не было.',
    heatmapYear: (year) => `Ацэнкі за ${year} год`,
    years: 'Гады',
    heatmapTable: (year) => `Ацэнкі па тыднях і тэмах, ${year}`,
    cell: (topic, week, verdict) => `${topic}, тыдзень ${week}: ${verdict}`,
    noAnalysis: 'Няма матэрыялу',
    showTable: 'Паказаць даныя табліцай',
    situationTitle: 'Індэкс сітуацыі',
    situationIntro: 'Усе ацэнкі па гэтай тэме ў часе і іх назапашаная сума: лепш +1, без змен 0, горш −1.',
    situationDesc: (topic, from, to) => `Лінейны графік індэкса сітуацыі па тэме «${topic}» з ${from} па ${to}.`,
    mentionsTitle: 'Згадкі па месяцах',
    mentionsIntro: 'Колькасць матэрыялаў, у якіх згадваецца гэтая дзеючая асоба, па месяцах і ацэнках.',
    mentionsDesc: (actor, from, to) => `Слупковая дыяграма: матэрыялы са згадкай «${actor}» па месяцах з ${from} па ${to}, па ацэнках.`,
    month: 'Месяц',
    count: 'Матэрыялы',
    noVerdict: 'Без ацэнкі (аналітыка)',
    total: 'Усяго',
    stripTitle: 'Ацэнкі за тыдзень',
  },
  feeds: { subscribe: 'RSS-стужка', siteFeed: (site) => `${site}: усе матэрыялы` },
  cite: { title: 'Як цытаваць', intro: 'Скапіюйце спасылку ў патрэбным фармаце.', apa: 'Стыль APA', bibtex: 'Запіс BibTeX (biblatex)', csl: 'CSL-JSON (для Zotero, Mendeley)' },
  openData: {
    title: 'Адкрытыя даныя',
    intro: 'Усе апублікаваныя матэрыялы ў фарматах JSON і CSV, а таксама JSON Schema іх метаданых (frontmatter).',
    json: 'Усе матэрыялы (JSON)',
    csv: 'Усе матэрыялы (CSV)',
    schema: 'Схема метаданых (JSON Schema)',
  },
};

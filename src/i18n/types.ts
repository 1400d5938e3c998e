/** The shape every language's interface strings must have: a missing key is a compile error. */
export interface UiStrings {
  /** Name of the language in itself, for the language switcher. */
  languageName: string;
  /** BCP 47 locale used by Intl for dates, numbers and plurals. */
  locale: string;
  skipToContent: string;
  mainNavigation: string;
  nav: { home: string; weeks: string; topics: string; actors: string; authors: string; trends: string; archive: string; search: string };
  searchLabel: string;
  searchPlaceholder: string;
  searchButton: string;
  languageSwitcher: string;
  editorial: string;
  byline: string;
  topic: string;
  actors: string;
  authors: string;
  period: string;
  published: string;
  verdict: string;
  kinds: { weekly: string; analysis: string; opinion: string };
  sources: string;
  accessed: (date: string) => string;
  coverCredit: string;
  origin: (outlet: string) => string;
  alsoIn: string;
  translationNotice: string;
  olderOnTopic: string;
  newerOnTopic: string;
  related: string;
  weekOf: (period: string) => string;
  olderWeek: string;
  newerWeek: string;
  latestWeek: string;
  recentLongForm: string;
  earlierWeeks: string;
  allWeeks: string;
  analysesCount: (n: number) => string;
  pageOf: (page: number, total: number) => string;
  pagination: string;
  previousPage: string;
  nextPage: string;
  noAnalyses: string;
  notFoundTitle: string;
  notFoundText: string;
  archiveTitle: string;
  trendsTitle: string;
  trendsIntro: string;
  topicsIntro: string;
  actorsIntro: string;
  authorsIntro: string;
  weeksIntro: string;
  searchTitle: string;
  searchNeedsJs: string;
  searchThese: string;
  footer: string;
  actorKinds: { person: string; organisation: string; country: string };
}

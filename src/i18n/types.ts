/** The shape every language's interface strings must have: a missing key is a compile error. */
export interface UiStrings {
  /** Name of the language in itself, for the language switcher. */
  languageName: string;
  /** Its short form for the phone header's switcher (the full name stays the link's accessible name). */
  languageShort: string;
  /** BCP 47 locale used by Intl for dates, numbers and plurals. */
  locale: string;
  skipToContent: string;
  mainNavigation: string;
  nav: { home: string; weeks: string; topics: string; actors: string; authors: string; trends: string; archive: string; search: string };
  searchLabel: string;
  searchPlaceholder: string;
  searchButton: string;
  languageSwitcher: string;
  byline: string;
  /** Meta description of an author page whose author file has no bio. */
  authorDescription: (name: string) => string;
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
  /** Label of the note linking a listing's versions in other languages: "In other languages: English (12) · Русский (3)". */
  alsoIn: string;
  translationNotice: string;
  /** A week page's section listing that week's analyses that have no version in the page's language. */
  weekElsewhere: {
    heading: string;
    intro: string;
    /** Shown instead of the verdict strip when the week has no analysis in the page's language. */
    empty: string;
  };
  /** GFM footnotes in analysis bodies: the (visually hidden) section heading and the back-link label. */
  footnotes: { label: string; backLabel: string };
  olderOnTopic: string;
  newerOnTopic: string;
  related: string;
  weekOf: (period: string) => string;
  olderWeek: string;
  newerWeek: string;
  /** The week before, when weeks between it and this one have no analysis. */
  earlierWeek: string;
  /** The week after, when weeks between this one and it have no analysis. */
  laterWeek: string;
  latestWeek: string;
  recentLongForm: string;
  earlierWeeks: string;
  allWeeks: string;
  /** The weekly email edition (`/weeks/<monday>/email.html` and `.txt`) and the week page's links to it. */
  email: {
    /** Subject line: site title and the week. */
    subject: (site: string, week: string) => string;
    /** Link on the week page to the HTML edition, and to its plain-text version. */
    edition: string;
    plainText: string;
    /** The edition's link to the week page on the site. */
    viewOnSite: string;
    /** Link under each piece. */
    read: string;
    /** Heading of the week's long-form pieces. */
    longForm: string;
    /** Footer: why the reader gets the email, and the unsubscribe link text. */
    why: (site: string) => string;
    unsubscribe: string;
    /** Footer of the site's copy (the web version), which has no unsubscribe link. */
    webVersion: string;
    /** Heading of the numbered link list in the plain-text version. */
    links: string;
  };
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
  /** The authors index's intro; `editorial` is the byline of unsigned pieces (the publisher in site.yaml). */
  authorsIntro: (editorial: string) => string;
  weeksIntro: string;
  searchTitle: string;
  searchNeedsJs: string;
  searchThese: string;
  /** The search page (src/i18n/search-<lang>.ts, loaded alone by the page's script). */
  search: SearchStrings;
  /** The footer's line naming the publisher (site.yaml's `publisher`). */
  publishedBy: (publisher: string) => string;
  /** Publication design (issue 13): footer, side column, notes, citation files, chart cues, home board. */
  design: {
    /** Footer column headings. */
    about: string;
    follow: string;
    openData: string;
    /** Footer link to the follow page (every feed and the email). */
    allFeeds: string;
    /** What a feed is, for readers who do not know feeds. */
    feedsExplained: string;
    /** Heading of the analysis page's side column of facts. */
    aboutThis: string;
    /** Link from the side column to the notes and sources. */
    notesAndSources: string;
    /** Link from a source to the footnote(s) that cite it: "note 2". */
    citedInNote: (n: string) => string;
    /** Link from a footnote to its entry in the sources: "source 2". */
    seeSource: (n: number) => string;
    /** Citation style and download labels. */
    chicago: string;
    downloads: string;
    bib: string;
    ris: string;
    /** Under a wide chart on narrow screens: it opens on the newest data, older is to the left (weekly and monthly charts). */
    scrollCue: string;
    scrollCueMonths: string;
    /** Accessible name of a topic's run of recent verdicts. */
    recentRun: (topic: string) => string;
    /** Visually hidden before the verdict under an analysis's standfirst. */
    verdictLabel: string;
    /** On an analysis with no version in some languages: what the language switch does there. */
    notTranslated: (languages: string) => string;
    /** Tooltip of a language-switch link that leads to another kind of page (no translation). */
    switchFallback: string;
  };
  /** The home page's situation board: each topic's latest verdict, how long before the latest week, and its run. */
  board: {
    heading: string;
    intro: (week: string) => string;
    /** Kicker over the latest week's lead analysis. */
    lead: (week: string) => string;
    /** How long before the latest week a topic's latest verdict was given. */
    latestWeek: string;
    weeksEarlier: (n: number) => string;
    monthsEarlier: (n: number) => string;
    yearsEarlier: (n: number) => string;
    /** Accessible name of the verdict key. */
    key: string;
    /** Link to the page explaining how verdicts are decided (a page from content with the slug `methodology`). */
    method: string;
  };
  /** The follow page: every feed with its address, and the weekly email. */
  follow: {
    title: string;
    intro: string;
    emailHeading: string;
    emailText: string;
    /** Link to `newsletter.subscribeUrl` (site.yaml), here and on the home and week pages. */
    subscribe: string;
    /** When site.yaml names no subscription address. */
    noSubscribe: string;
    latestEdition: (week: string) => string;
    feedsHeading: string;
    whole: string;
    byTopic: string;
    byActor: string;
    byVerdict: string;
  };
  /** A feed opened in a browser (the feed's XHTML header, styled by /feed.css). */
  feedView: {
    /** What a feed is, and how to follow it. */
    what: string;
    how: string;
    address: string;
    latest: string;
    /** Shown when the feed has no items yet. */
    empty: string;
    /** Link to the follow page. */
    all: string;
  };
  /** A page from content (About, Methodology). */
  page: { updated: (date: string) => string };
  actorKinds: { person: string; organisation: string; country: string };
  /** Trends over time: the verdict heatmap (/trends/), topic and actor charts, the week's strip. */
  charts: {
    heatmapTitle: string;
    heatmapIntro: string;
    /** Heading of one year's heatmap. */
    heatmapYear: (year: number) => string;
    /** Label of the year navigation. */
    years: string;
    /** Caption of the heatmap's table (weeks as rows, topics as columns). */
    heatmapTable: (year: number) => string;
    /** Accessible name of a heatmap cell: topic, week (formatted) and verdict. */
    cell: (topic: string, week: string, verdict: string) => string;
    /** Legend entry and table text for a week without an analysis on a topic. */
    noAnalysis: string;
    /** Summary of the <details> holding a chart's data table. */
    showTable: string;
    /** Heading and y-axis title of a topic's situation-index chart. */
    situationTitle: string;
    situationIntro: string;
    /** Description of the situation-index chart for screen readers (dates formatted). */
    situationDesc: (topic: string, from: string, to: string) => string;
    /** Heading of an actor's mentions-per-month chart. */
    mentionsTitle: string;
    mentionsIntro: string;
    /** Description of the mentions chart for screen readers (months formatted). */
    mentionsDesc: (actor: string, from: string, to: string) => string;
    month: string;
    /** Y-axis title of the mentions chart: a number of analyses. */
    count: string;
    /** Long-form pieces, which carry no verdict. */
    noVerdict: string;
    total: string;
    /** Column of the heatmap's table naming the analysis. */
    analysis: string;
    /** Heading of the week's verdict strip across topics. */
    stripTitle: string;
  };
  /** RSS feeds. */
  feeds: {
    /** Visible link to a page's feed. */
    subscribe: string;
    /** Title of the whole-site feed (the argument is the site's name). */
    siteFeed: (site: string) => string;
  };
  /** "Cite this" on analysis pages: the block's title, an intro and the three formats' labels. */
  cite: { title: string; intro: string; apa: string; bibtex: string; csl: string };
  /** Links to the open data files. */
  openData: { title: string; intro: string; json: string; csv: string; schema: string };
  /** The language as reference formats name it: biblatex `langid` and RIS `LA`. */
  citation: { biblatexLanguage: string; risLanguage: string };
}

/** Strings of the search page, Pagefind's interface strings included (so no English leaks into be/ru). */
export interface SearchStrings {
  /** Headings of the filter panes, per filter. */
  groups: { topic: string; trend: string; actor: string; author: string; kind: string; year: string; language: string };
  /** Label of the filter column. */
  filters: string;
  /** Button that unticks every filter. */
  clearFilters: string;
  /** Accessible name of the result list. */
  results: string;
  /** Legend of the language scope control. */
  scope: string;
  /** Scope option: the page's language only. */
  scopePage: string;
  /** Scope option: every language. */
  scopeAll: string;
  /** Label of the order control. */
  sort: string;
  sorts: { relevance: string; newest: string; oldest: string };
  /** Result count with no query (filters only). */
  total: (n: number) => string;
  /** Result count for a query. */
  totalFor: (n: number, query: string) => string;
  /** While a search for a query runs. */
  searching: (query: string) => string;
  /** While the index loads, or a filter-only search runs. */
  loading: string;
  /** Button under a long result list: shows the next results, `shown` of `total` are on screen. */
  showMore: (shown: number, total: number) => string;
  /** Shown when the index cannot be loaded on the built site. */
  failed: string;
  /** Shown by `npm run dev` before the first build: the index comes from the last build. */
  needsBuild: string;
  /** The phone's filter disclosure: its label with how many values are ticked (0: none). */
  filtersSet: (n: number) => string;
  /** A filter value in the URL that names nothing known, e.g. `Unknown verdict “terrible”`. */
  unknownValue: (group: string, value: string) => string;
  /** Heading of the suggestions shown when nothing matches. */
  noResults: string;
  /** Suggestion: untick one filter value (`label` is its display label). */
  removeValue: (group: string, label: string) => string;
  /** Suggestions: browse instead of searching. */
  browseTopics: string;
  browseWeeks: string;
  /** Heading of the topic links on a verdict's listing (that verdict, one topic). */
  byTopic: string;

  /** Second skip link of the search page, to the first result. */
  skipToResults: string;
  /** Hidden label before an excerpt (a screen reader says where the words come from). */
  excerpt: string;
  /** The query words (as typed) that no analysis contains, one argument each. */
  absent: (...words: string[]) => string;
  /** Label before the corrected queries offered for an absent or misspelt word. */
  didYouMean: string;
  /** A corrected query with what it finds. */
  suggestion: (query: string, n: number) => string;
  /** The query without its absent words, with what it finds. */
  searchInstead: (query: string, n: number) => string;
  /** Heading of what the query (or the actor's name) finds in the site's other languages. */
  elsewhere: string;
  /** Nothing found, though each word is somewhere (a phrase, or words never in one analysis). */
  noPhrase: string;
}

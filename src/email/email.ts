/**
 * The weekly email edition: per week and language, each topic's verdict and summary, then the
 * week's long-form pieces, as email-safe HTML (MJML: table layout, inlined styles, 600 px wide and
 * fluid on phones, no scripts, no web fonts) and as plain text (wrapped at 72 columns, links as
 * numbered references). Every link is absolute.
 *
 * Two copies of each edition: the mail service's (`mail`), whose footer carries the unsubscribe
 * link as a placeholder the service fills in, and the site's (`web`, the "web version" the week
 * page links), which says what it is and links the sign-up page (`newsletter.subscribeUrl` in
 * site.yaml) instead: in a browser the placeholder would lead nowhere.
 */
import mjml2html from 'mjml';
import { t } from '../i18n/index.ts';
import type { Language, Trend } from '../schemas/primitives.ts';
import { addDays, formatPeriod, type IsoDate } from '../lib/dates.ts';
import { escapeXml } from '../feeds/feeds.ts';
import { bylineNames } from '../lib/names.ts';
import type { AnalysisRecord, SiteContext } from '../lib/site-model.ts';
import { TREND_SYMBOL } from '../lib/trends.ts';
import { siteUrl } from '../lib/site-paths.ts';

/**
 * Where the mail service puts the reader's own unsubscribe address. This is the Liquid/Handlebars
 * form most services accept (Mailchimp writes `*|UNSUB|*`, Buttondown `{{ unsubscribe_url }}`):
 * replace it in the sending step if yours differs.
 */
export const UNSUBSCRIBE_PLACEHOLDER = '{{unsubscribe_url}}';

/** Column the plain-text version wraps at. */
export const TEXT_WIDTH = 72;

/** Longest preheader: mail clients show about 90-140 characters after the subject. */
const PREHEADER_MAX = 140;

/** One piece in the edition. */
export interface EditionItem {
  /** Topic name (weekly analyses) or the kind of piece (long-form). */
  label: string;
  title: string;
  summary: string;
  /** Absolute URL of the piece's page. */
  url: string;
  byline: string;
  verdict?: { trend: Trend; text: string } | undefined;
}

/** Which copy of an edition: the mail service's, or the site's web version. */
export type EditionCopy = 'mail' | 'web';

/** Everything an edition shows, resolved for its language. */
export interface Edition {
  lang: Language;
  monday: IsoDate;
  subject: string;
  preheader: string;
  siteTitle: string;
  /** "Week of 29 August – 4 September 2022". */
  heading: string;
  /** Absolute URLs of the site's home and of the week page in the edition's language. */
  siteUrl: string;
  weekUrl: string;
  topics: EditionItem[];
  pieces: EditionItem[];
  /** The mail service's sign-up page (site.yaml `newsletter.subscribeUrl`), when the site has one. */
  subscribeUrl: string | undefined;
}

/** The edition of `monday` in `lang` from the week's weekly analyses and long-form pieces. */
export function buildEdition(site: SiteContext, lang: Language, monday: IsoDate, weekly: readonly AnalysisRecord[], longForm: readonly AnalysisRecord[]): Edition {
  const s = t(lang);
  const absolute = (path: string) => siteUrl(site.settings.baseUrl, path);
  const siteTitle = site.settings.title[lang];
  const byline = (r: AnalysisRecord) => bylineNames(site.settings, site.authors, r.data.authors, lang).join(', ');
  const item = (r: AnalysisRecord, label: string): EditionItem => ({
    label,
    title: r.data.title,
    summary: r.data.summary,
    url: absolute(r.url),
    byline: byline(r),
    verdict: r.data.trend ? { trend: r.data.trend, text: site.settings.verdicts[r.data.trend][lang] } : undefined,
  });
  const topics = weekly.map((r) => item(r, site.topics.get(r.data.topic ?? '')?.name[lang] ?? r.data.topic ?? ''));
  const pieces = longForm.map((r) => item(r, s.kinds[r.data.kind]));
  const week = formatPeriod({ start: monday, end: addDays(monday, 6) }, s.locale);
  const verdicts = topics.map((i) => `${i.verdict ? `${TREND_SYMBOL[i.verdict.trend]} ` : ''}${i.label}`).join(' · ');
  return {
    lang,
    monday,
    subject: s.email.subject(siteTitle, week),
    preheader: shorten(verdicts || pieces.map((p) => p.title).join(' · '), PREHEADER_MAX),
    siteTitle,
    heading: s.weekOf(week),
    siteUrl: absolute(site.paths.home(lang)),
    weekUrl: absolute(site.paths.week(lang, monday)),
    topics,
    pieces,
    subscribeUrl: site.settings.newsletter?.subscribeUrl,
  };
}

/** Cuts `text` at a word boundary to at most `max` characters, with an ellipsis. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trimEnd()}…`;
}

/** Verdict colours with enough contrast on white; the dark scheme lightens them (EMAIL_CSS). */
const VERDICT_COLOUR: Record<Trend, string> = { worse: '#a4262c', unchanged: '#4d5156', better: '#1b6e31' };

/**
 * Styles that cannot be inline: the dark scheme for clients that honour it (Apple Mail, iOS,
 * Outlook.com) and larger tap targets on phones. Everything else is inline in the markup.
 */
const EMAIL_CSS = `
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (prefers-color-scheme: dark) {
  .edition, .edition table, .edition td, .edition div { background-color: #16181b !important; color: #e8e8e8 !important; }
  .edition a { color: #9cc3ff !important; }
  .edition h1 a, .edition h2 a, .edition .site a { color: #f2f2f2 !important; }
  .edition .v-worse { color: #ff8a80 !important; }
  .edition .v-unchanged { color: #c4c7c5 !important; }
  .edition .v-better { color: #7ee2a8 !important; }
  .edition .muted { color: #b0b3b8 !important; }
}
@media (max-width: 480px) {
  .edition h1 { font-size: 22px !important; }
}
`;

/** Text escaped for MJML/HTML content and attribute values. */
const esc = escapeXml;

/** The `<mj-text>` of one piece. */
function itemMjml(i: EditionItem, readLabel: string): string {
  const verdict = i.verdict
    ? `<p class="v-${i.verdict.trend}" style="margin:0 0 6px;font-weight:bold;color:${VERDICT_COLOUR[i.verdict.trend]}">${esc(TREND_SYMBOL[i.verdict.trend])} ${esc(i.verdict.text)}</p>`
    : '';
  return `<mj-text>
<p class="muted" style="margin:0 0 4px;font-size:13px;letter-spacing:0.04em;text-transform:uppercase;color:#4d5156">${esc(i.label)}</p>
${verdict}<h2 style="margin:0 0 6px;font-size:20px;line-height:1.3"><a href="${esc(i.url)}" style="color:#1a1a1a;text-decoration:none">${esc(i.title)}</a></h2>
<p class="muted" style="margin:0 0 8px;font-size:14px;color:#4d5156">${esc(i.byline)}</p>
<p style="margin:0 0 8px">${esc(i.summary)}</p>
<p style="margin:0"><a href="${esc(i.url)}" style="color:#1f4fa3">${esc(readLabel)} →</a></p>
</mj-text>`;
}

/** The footer line of a copy: the unsubscribe placeholder (mail), or what the page is and where to subscribe (web). */
function footerMjml(e: Edition, copy: EditionCopy): string {
  const s = t(e.lang).email;
  const link = (href: string, text: string) => `<a href="${href}" style="color:#1f4fa3">${esc(text)}</a>`;
  const site = link(esc(e.siteUrl), e.siteTitle);
  if (copy === 'mail') return `<p style="margin:0 0 6px">${esc(s.why(e.siteTitle))}</p>\n<p style="margin:0">${link(UNSUBSCRIBE_PLACEHOLDER, s.unsubscribe)} · ${site}</p>`;
  const subscribe = e.subscribeUrl ? `${link(esc(e.subscribeUrl), t(e.lang).follow.subscribe)} · ` : '';
  return `<p style="margin:0 0 6px">${esc(s.webVersion)}</p>\n<p style="margin:0">${subscribe}${site}</p>`;
}

/** The MJML source of an edition's copy (the mail service's unless `copy` says `web`). */
export function editionMjml(e: Edition, copy: EditionCopy = 'mail'): string {
  const s = t(e.lang).email;
  const divider = '<mj-divider border-width="1px" border-color="#d0d0d0" padding="16px 24px" />';
  const longForm = e.pieces.length
    ? `${divider}<mj-text><h2 style="margin:0;font-size:22px">${esc(s.longForm)}</h2></mj-text>${e.pieces.map((p) => itemMjml(p, s.read)).join(divider)}`
    : '';
  return `<mjml lang="${e.lang}" dir="ltr">
<mj-head>
<mj-title>${esc(e.subject)}</mj-title>
<mj-preview>${esc(e.preheader)}</mj-preview>
<mj-attributes>
<mj-all font-family="Georgia, 'Times New Roman', serif" />
<mj-text font-size="16px" line-height="1.5" color="#1a1a1a" padding="8px 24px" />
<mj-section padding="0" />
</mj-attributes>
<mj-raw><meta name="color-scheme" content="light dark" /><meta name="supported-color-schemes" content="light dark" /></mj-raw>
<mj-style>${EMAIL_CSS}</mj-style>
</mj-head>
<mj-body width="600px" background-color="#ffffff" css-class="edition">
<mj-section padding="16px 0"><mj-column>
<mj-text>
<p class="site" style="margin:0 0 4px;font-size:14px;font-weight:bold"><a href="${esc(e.siteUrl)}" style="color:#1a1a1a;text-decoration:none">${esc(e.siteTitle)}</a></p>
<h1 style="margin:0 0 8px;font-size:26px;line-height:1.25">${esc(e.heading)}</h1>
<p style="margin:0;font-size:14px"><a href="${esc(e.weekUrl)}" style="color:#1f4fa3">${esc(s.viewOnSite)}</a></p>
</mj-text>
${divider}
${e.topics.map((i) => itemMjml(i, s.read)).join(divider)}
${longForm}
${divider}
<mj-text font-size="13px" color="#4d5156" css-class="muted">
${footerMjml(e, copy)}
</mj-text>
</mj-column></mj-section>
</mj-body>
</mjml>`;
}

/** Stands for the footer in the MJML rendered once for both copies: MJML passes an `<mj-text>`'s content through unchanged. */
const FOOTER_TOKEN = 'barometer-edition-footer-f00t3r';

/**
 * Each edition's HTML with the footer token, from the first of its two copies rendered until the
 * second: the copies differ only in the footer, and MJML is most of an edition's cost (about 3 ms
 * of 10 in the pages phase at 2,000 analyses). An entry is dropped when both copies are served.
 */
const renderedEditions = new Map<string, { html: string; served: Set<EditionCopy> }>();

/**
 * The HTML of an edition: one MJML render per edition, shared by its two copies. MJML's
 * validation is skipped here (it is about 40% of the render, and the template is our code:
 * tests/lib/email.test.ts validates every edition of the sample content); Google-font links are
 * off, so nothing loads from another host.
 */
export async function editionHtml(e: Edition, copy: EditionCopy = 'mail'): Promise<string> {
  const mjml = editionMjml(e, copy).replace(footerMjml(e, copy), FOOTER_TOKEN);
  let entry = renderedEditions.get(mjml);
  if (!entry) {
    const result = await mjml2html(mjml, { validationLevel: 'skip', fonts: {}, keepComments: false });
    entry = { html: result.html, served: new Set() };
    renderedEditions.set(mjml, entry);
  }
  entry.served.add(copy);
  if (entry.served.size === 2) renderedEditions.delete(mjml);
  const [before, after, ...more] = entry.html.split(FOOTER_TOKEN);
  if (after === undefined || more.length > 0) throw new Error(`email edition ${e.lang} ${e.heading}: MJML did not keep the footer in one place`);
  return `${before}${footerMjml(e, copy)}${after}`;
}

/**
 * Greedy word wrap at `width` code points; a word longer than the line (a URL) keeps its own
 * line unbroken. Hand-written on purpose: wrap-ansi measured each string's terminal width with
 * grapheme segmentation and ANSI parsing, about 18 ms per edition (36 s for the 2,001 editions
 * of 10,000 analyses), for text that has neither escapes nor wide characters.
 */
export function wrapText(text: string, width = TEXT_WIDTH): string {
  const lines: string[] = [];
  let line = '';
  let length = 0;
  for (const word of text.trim().split(/\s+/)) {
    const n = [...word].length;
    if (length > 0 && length + 1 + n > width) {
      lines.push(line);
      line = '';
      length = 0;
    }
    line = length > 0 ? `${line} ${word}` : word;
    length += (length > 0 ? 1 : 0) + n;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** The plain-text edition: paragraphs wrapped at 72 columns, links as numbered references. */
export function editionText(e: Edition, copy: EditionCopy = 'mail'): string {
  const s = t(e.lang).email;
  const links: string[] = [];
  const ref = (url: string) => {
    const n = links.indexOf(url);
    if (n >= 0) return `[${n + 1}]`;
    links.push(url);
    return `[${links.length}]`;
  };
  const wrap = (text: string) => wrapText(text);
  const rule = '-'.repeat(TEXT_WIDTH);
  const item = (i: EditionItem) =>
    [
      wrap(i.label.toUpperCase()),
      ...(i.verdict ? [wrap(`${TREND_SYMBOL[i.verdict.trend]} ${i.verdict.text}`)] : []),
      wrap(`${i.title} ${ref(i.url)}`),
      wrap(i.byline),
      '',
      wrap(i.summary),
    ].join('\n');
  const blocks = [
    [wrap(e.siteTitle), wrap(e.heading), wrap(`${s.viewOnSite}: ${ref(e.weekUrl)}`)].join('\n'),
    ...e.topics.map(item),
    ...(e.pieces.length ? [`${rule}\n${wrap(s.longForm.toUpperCase())}`, ...e.pieces.map(item)] : []),
    copy === 'mail'
      ? [rule, wrap(s.why(e.siteTitle)), wrap(`${s.unsubscribe}: ${ref(UNSUBSCRIBE_PLACEHOLDER)}`), wrap(`${e.siteTitle}: ${ref(e.siteUrl)}`)].join('\n')
      : [rule, wrap(s.webVersion), ...(e.subscribeUrl ? [wrap(`${t(e.lang).follow.subscribe}: ${ref(e.subscribeUrl)}`)] : []), wrap(`${e.siteTitle}: ${ref(e.siteUrl)}`)].join('\n'),
    [`${s.links}:`, ...links.map((url, i) => `[${i + 1}] ${url}`)].join('\n'),
  ];
  return `${blocks.join('\n\n')}\n`;
}

/** What an edition's route hands its endpoint (routing/route-data.ts `edition`). */
export interface EditionProps {
  site: SiteContext;
  lang: Language;
  monday: IsoDate;
  weekly: readonly AnalysisRecord[];
  longForm: readonly AnalysisRecord[];
}

/** One copy of an edition, as HTML or plain text, as the endpoint's Response. */
export async function editionResponse(p: EditionProps, format: 'html' | 'text', copy: EditionCopy): Promise<Response> {
  const edition = buildEdition(p.site, p.lang, p.monday, p.weekly, p.longForm);
  return format === 'html'
    ? new Response(await editionHtml(edition, copy), { headers: { 'Content-Type': 'text/html; charset=utf-8' } })
    : new Response(editionText(edition, copy), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

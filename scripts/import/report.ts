/**
 * The review report of an import batch (`--report FILE`): one page an editor reads to check a
 * migration of a thousand pages in minutes. It opens with what needs a look (failed pages, drafts
 * without a printed date, renamed collisions, titles no heading agrees with, date conflicts), then
 * lists every input with its status, each field with where it came from, and its warnings and
 * dropped lines. HTML or Markdown, by the file's extension; the same content either way.
 */

/** What the report needs of one input's outcome (the CLI's JSON line). */
export interface ReportEntry {
  input: string;
  status: string;
  output: string | null;
  errors: string[];
  warnings: string[];
  /** The frontmatter as far as it was read (also for a failed page). */
  data: Readonly<Record<string, unknown>>;
  authors: { id: string; name: string; new: boolean }[];
  dropped: { text: string; reason: string }[];
  origins: { title?: string; date?: string; authors?: string; body?: string };
}

/** Marks every report near its start: a report found at the path is replaced, any other file is not. */
export const REPORT_MARK = 'barometer import report';

/** A check the report counts across the batch, with the warnings that make a page need a look. */
interface Check {
  label: string;
  test: (e: ReportEntry) => boolean;
  /** A page with this needs an editor's look (listed at the top). */
  attention: boolean;
}

const has = (e: ReportEntry, pattern: RegExp): boolean => e.warnings.some((w) => pattern.test(w));

/** The batch-wide counts, in the order the report prints them. */
const CHECKS: readonly Check[] = [
  { label: 'failed (nothing written)', test: (e) => e.status === 'failed', attention: true },
  { label: 'no date on the page: a draft without a date', test: (e) => e.data['draft'] === true, attention: true },
  { label: 'renamed: another page of the batch had the same name', test: (e) => has(e, /^\(output\): .* is also the name of /u), attention: true },
  { label: 'title from the markup: no heading on the page agrees', test: (e) => /no heading on the page agrees/u.test(e.origins.title ?? ''), attention: true },
  { label: "the printed date differs from the article's structured date", test: (e) => has(e, /^published: the page's .* is used; /u), attention: true },
  { label: 'text from JSON-LD articleBody (no text in the markup)', test: (e) => has(e, /^body: the text is taken from /u), attention: true },
  { label: 'chrome in the middle of the text (one line left out)', test: (e) => has(e, /stands in the middle of the text/u), attention: true },
  { label: 'new author files with the name only (no bio printed)', test: (e) => has(e, /is created with the name only/u), attention: false },
  { label: 'no author found (editorial byline)', test: (e) => has(e, /^authors: no author found/u), attention: false },
  { label: 'invisible or control characters removed', test: (e) => has(e, /(invisible|control) characters? .*removed/u), attention: false },
  { label: 'not UTF-8 (read in its declared encoding)', test: (e) => has(e, /^\(encoding\): /u), attention: false },
];

/** A frontmatter field as text ('' when absent or not text). */
function field(e: ReportEntry, key: string): string {
  const v = e.data[key];
  return typeof v === 'string' ? v : '';
}

/** The date a page got, as the report shows it. */
function dateOf(e: ReportEntry): string {
  const period = e.data['period'];
  if (period !== null && typeof period === 'object' && 'start' in period && 'end' in period) return `${String(period.start)} – ${String(period.end)}`;
  return field(e, 'published');
}

/** Dropped lines counted by reason ("outside-main-content 12, newsletter 3"). */
function droppedSummary(e: ReportEntry): string {
  const counts = new Map<string, number>();
  for (const d of e.dropped) counts.set(d.reason, (counts.get(d.reason) ?? 0) + 1);
  return [...counts].map(([r, n]) => `${r} ${n}`).join(', ');
}

/** The rows of the report's table: one per input, the fields with where they came from. */
function rows(entries: readonly ReportEntry[]): string[][] {
  return entries.map((e) => [
    e.input,
    e.status,
    e.output ?? '',
    `${field(e, 'title')}${e.origins.title ? ` (${e.origins.title})` : ''}`,
    `${dateOf(e)}${e.origins.date ? ` (${e.origins.date})` : ''}${e.data['draft'] === true ? ' draft' : ''}`,
    `${e.authors.map((a) => `${a.name}${a.new ? ' (new)' : ''}`).join(', ') || 'editorial'}${e.origins.authors ? ` (${e.origins.authors})` : ''}`,
    ['kind', 'topic', 'trend'].map((k) => field(e, k)).filter((x) => x !== '').join(' / '),
    String(e.warnings.length),
    `${e.dropped.length}${e.dropped.length ? `: ${droppedSummary(e)}` : ''}`,
  ]);
}

const HEADERS = ['input', 'status', 'file', 'title (from)', 'date (from)', 'authors (from)', 'kind / topic / verdict', 'warnings', 'dropped lines'];

/** Escapes text for HTML. */
function esc(text: string): string {
  return text.replace(/[&<>"]/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** Escapes text for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/gu, '\\\\').replace(/\|/gu, '\\|').replace(/\s+/gu, ' ').replace(/([*_`[\]<>#])/gu, '\\$1');
}

/** Counts per check, and the inputs that need a look with the reasons why. */
function survey(entries: readonly ReportEntry[]): { counts: [string, number][]; attention: [ReportEntry, string[]][] } {
  const counts: [string, number][] = CHECKS.map((c) => [c.label, entries.filter(c.test).length]);
  const attention: [ReportEntry, string[]][] = [];
  for (const e of entries) {
    const why = CHECKS.filter((c) => c.attention && c.test(e)).map((c) => c.label);
    if (why.length) attention.push([e, why]);
  }
  return { counts, attention };
}

/** The report as Markdown. */
export function reportMarkdown(entries: readonly ReportEntry[]): string {
  const { counts, attention } = survey(entries);
  const status = new Map<string, number>();
  for (const e of entries) status.set(e.status, (status.get(e.status) ?? 0) + 1);
  const out = [`<!-- ${REPORT_MARK} -->`, '', '# Import report', '', `${entries.length} input(s): ${[...status].map(([s, n]) => `${n} ${s}`).join(', ')}.`, '', '| check | pages |', '|---|---|'];
  for (const [label, n] of counts) out.push(`| ${cell(label)} | ${n} |`);
  out.push('', `## Needs a look (${attention.length})`, '');
  for (const [e, why] of attention) out.push(`- \`${e.input}\`: ${why.join('; ')}${e.errors.length ? ` (${e.errors.map(cell).join('; ')})` : ''}`);
  if (attention.length === 0) out.push('Nothing.');
  out.push('', '## Every input', '', `| ${HEADERS.join(' | ')} |`, `|${HEADERS.map(() => '---').join('|')}|`);
  for (const r of rows(entries)) out.push(`| ${r.map(cell).join(' | ')} |`);
  out.push('', '## Warnings and errors per input', '');
  for (const e of entries) {
    if (e.errors.length === 0 && e.warnings.length === 0) continue;
    out.push(`### ${cell(e.input)}`, '', ...e.errors.map((x) => `- error: ${cell(x)}`), ...e.warnings.map((x) => `- ${cell(x)}`), '');
  }
  return `${out.join('\n')}\n`;
}

/** The report as one self-contained HTML page (no scripts, no outside resources). */
export function reportHtml(entries: readonly ReportEntry[]): string {
  const { counts, attention } = survey(entries);
  const status = new Map<string, number>();
  for (const e of entries) status.set(e.status, (status.get(e.status) ?? 0) + 1);
  const tr = (cells: string[], tag = 'td'): string => `<tr>${cells.map((c) => `<${tag}>${esc(c)}</${tag}>`).join('')}</tr>`;
  const details = entries
    .filter((e) => e.errors.length || e.warnings.length)
    .map((e) => `<details><summary>${esc(e.input)} (${e.errors.length} error(s), ${e.warnings.length} warning(s))</summary><ul>${[...e.errors.map((x) => `<li class="error">${esc(x)}</li>`), ...e.warnings.map((x) => `<li>${esc(x)}</li>`)].join('')}</ul></details>`)
    .join('\n');
  return `<!doctype html>
<!-- ${REPORT_MARK} -->
<html lang="en"><head><meta charset="utf-8"><title>Import report</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:1.5rem}table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.2rem .4rem;vertical-align:top;text-align:left}.error{color:#a00}tr.failed td{background:#fee}</style></head>
<body><h1>Import report</h1>
<p>${entries.length} input(s): ${esc([...status].map(([s, n]) => `${n} ${s}`).join(', '))}.</p>
<table><tr><th>check</th><th>pages</th></tr>${counts.map(([l, n]) => tr([l, String(n)])).join('')}</table>
<h2>Needs a look (${attention.length})</h2>
<ul>${attention.map(([e, why]) => `<li><code>${esc(e.input)}</code>: ${esc(why.join('; '))}${e.errors.length ? ` <span class="error">(${esc(e.errors.join('; '))})</span>` : ''}</li>`).join('') || '<li>Nothing.</li>'}</ul>
<h2>Every input</h2>
<table>${tr(HEADERS, 'th')}${rows(entries)
    .map((r, i) => (entries[i]?.status === 'failed' ? tr(r).replace('<tr>', '<tr class="failed">') : tr(r)))
    .join('\n')}</table>
<h2>Warnings and errors per input</h2>
${details}
</body></html>
`;
}

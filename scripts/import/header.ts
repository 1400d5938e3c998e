/**
 * The lines a digest page prints above its text: byline, topic, verdict, image credit. Each test
 * looks at one whole line, never at a fragment of a sentence, so body text cannot be mistaken for
 * a header line.
 */
import type { Trend } from '../../src/schemas/primitives.ts';
import { isNameLike, splitNames } from './byline.ts';
import { normalizeSpaces } from './periods.ts';
import type { TopicEntry, VerdictEntry } from './taxonomy.ts';

/** Lowercases a label and evens out dashes, apostrophes, spaces, a leading "the" and end punctuation. */
export function normalizeLabel(text: string): string {
  return normalizeSpaces(text.replace(/[\u00AD\u200B\u2060\uFEFF]/gu, ''))
    .toLowerCase()
    .replace(/[‐‑‒–—―−]/gu, '-')
    .replace(/ ?- ?/gu, '-')
    .replace(/[’ʼ`]/gu, "'")
    .replace(/[.!:;,]+$/u, '')
    .replace(/^the /u, '')
    .trim();
}

/** Finds the topic a printed topic line names, in any language. */
export function matchTopic(text: string, topics: readonly TopicEntry[]): TopicEntry | undefined {
  if (text.length > 200) return undefined;
  const wanted = normalizeLabel(text);
  return topics.find((t) => t.id === wanted || t.names.some((n) => normalizeLabel(n) === wanted));
}

/** Verdict wordings beyond those in site.yaml, after the subject ("The situation") is removed. */
const VERDICT_PHRASES: Readonly<Record<Trend, readonly string[]>> = {
  worse: [
    'got worse', 'has got worse', 'has gotten worse', 'became worse', 'has become worse', 'worsened', 'has worsened', 'deteriorated',
    'has deteriorated', 'worse', 'is worse', 'getting worse', 'deteriorating', 'deterioration', 'negative', 'ухудшилась', 'ухудшение', 'пагаршэнне', 'стала хуже', 'хуже', 'пагоршылася', 'пагоршылась', 'стала горшай', 'горш',
  ],
  unchanged: [
    'has not changed', "hasn't changed", 'did not change', 'not changed', 'unchanged', 'no change', 'no changes', 'remained unchanged',
    'has remained unchanged', 'stable', 'remained stable', 'is unchanged', 'stayed the same', 'no significant change', 'stability', 'neutral', 'не изменилась', 'стабильность', 'стабільнасць', 'стабильно', 'без существенных изменений', 'не поменялась', 'без изменений', 'не змянілася', 'не змянілась', 'без змен',
  ],
  better: [
    'got better', 'has got better', 'has gotten better', 'became better', 'has become better', 'improved', 'has improved', 'better',
    'is better', 'getting better', 'improving', 'improvement', 'positive', 'улучшение', 'паляпшэнне',
    'улучшилась', 'стала лучше', 'лучше', 'палепшылася', 'палепшылась', 'стала лепшай', 'лепш',
  ],
};

/** Removes the subject a verdict starts with ("the situation", "ситуация", "сітуацыя"). */
function verdictCore(text: string): string {
  return normalizeLabel(text).replace(/^(?:situation|ситуация|сітуацыя|сытуацыя) /u, '');
}

/** Labels some pages print before the verdict ("Verdict:", "Trend:", "Situation:", "Dynamics:", "Оценка:"). */
const VERDICT_LABEL = /^(?:verdict|trend|situation|status|assessment|outlook|dynamics|direction|оценка|ацэнка|тенденция|тэндэнцыя|ситуация|сітуацыя|статус|динамика|дынаміка)\s*:\s*/iu;

/** Older pages' label in front of the verdict: "Category status: [Worse]". */
const CATEGORY_STATUS = /^(?:category status|статус категории|статус катэгорыі)\s*:?\s*(.*)$/iu;

/** Reads a verdict line ("The situation got worse", "Ситуация ухудшилась", "Category status: [Worse]"). */
export function matchVerdict(text: string, verdicts: readonly VerdictEntry[]): Trend | undefined {
  if (text.length > 200) return undefined;
  const legacy = CATEGORY_STATUS.exec(normalizeSpaces(text));
  if (legacy) {
    const inner = (legacy[1] ?? '').replace(/^\[\s*(.*?)\s*\]\.?$/u, '$1');
    return inner === '' ? undefined : matchVerdict(inner, verdicts);
  }
  // "Verdict: worsened", "Trend: no change", "Оценка: ситуация ухудшилась": a label before the verdict.
  const core = verdictCore(normalizeSpaces(text).replace(VERDICT_LABEL, ''));
  for (const v of verdicts) if (verdictCore(v.wording) === core) return v.trend;
  for (const trend of ['worse', 'unchanged', 'better'] as const) if (VERDICT_PHRASES[trend].includes(core)) return trend;
  return undefined;
}

/** True for an older page's "Category status:" label printed alone (the verdict follows in brackets). */
export function isCategoryStatusLabel(text: string): boolean {
  const m = CATEGORY_STATUS.exec(normalizeSpaces(text));
  return m !== null && (m[1] ?? '') === '';
}

/** A bracketed verdict on its own line: "[Worse]". */
export function bracketed(text: string): string | undefined {
  return /^\[\s*(.+?)\s*\]\.?$/u.exec(normalizeSpaces(text))?.[1];
}

/**
 * Reads a byline line: "by" alone is the editorial byline (no names); "By Jane Roe and John Doe",
 * "Author: Jane Roe", "Written by ...", "Автор: ..." give the names. Anything else, e.g. a title that starts with "By", is not a byline.
 */
export function parseBylineLine(text: string): { names: string[] } | undefined {
  const m = /^(?:by|written by|authors?|text|автор|аўтар|авторы|аўтары|текст|тэкст)(?:\s*:\s*|\s+|$)(.*)$/iu.exec(normalizeSpaces(text));
  if (!m) return undefined;
  const rest = (m[1] ?? '').trim();
  // Only the digest's own "by" (and its translations) stands alone; "Text" alone is no byline.
  if (rest === '') return /^(?:by|автор|аўтар|авторы|аўтары)$/iu.test(normalizeSpaces(text)) ? { names: [] } : undefined;
  const names = splitNames(rest);
  return names.length > 0 && names.every(isNameLike) ? { names } : undefined;
}

/** An image credit line ("photo: elements.envato.com", "Фото: ..."). */
export function isCreditLine(text: string): boolean {
  return text.length <= 500 && /^(?:photo|photos|image|picture|credit|credits|illustration|фото|фота|иллюстрация|ілюстрацыя|fotoğraf|görsel)\s*:/iu.test(text);
}

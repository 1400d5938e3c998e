/** Sentence splitting shared by the schema (summaries hold 1-3 sentences) and the importer (through src/lib/sentences.ts). */
import { NEUTRAL_LOCALE } from '../i18n/languages.ts';

/** One segmenter for every call: Intl objects are costly to create. */
const segmenter = new Intl.Segmenter(NEUTRAL_LOCALE, { granularity: 'sentence' });

/** Splits text into sentences as a reader would (Intl.Segmenter, English rules), trimmed, none empty. */
export function sentences(text: string): string[] {
  return [...segmenter.segment(text)].map((s) => s.segment.trim()).filter((s) => s !== '');
}

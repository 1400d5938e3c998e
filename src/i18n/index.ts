/** Interface strings per language and helpers to pick the right text for a page. */
import type { Language, LocalizedText } from '../schemas/primitives.ts';
import { be } from './be.ts';
import { en } from './en.ts';
import { ru } from './ru.ts';
import type { UiStrings } from './types.ts';

/**
 * Strings per language: English, Belarusian and Russian. The `UiStrings` type demands every key in
 * every language, and tests/i18n/ui-strings.test.ts checks that none is empty or left untranslated.
 */
export const ui: Record<Language, UiStrings> = { en, be, ru };

/** Interface strings for a language. */
export function t(lang: Language): UiStrings {
  return ui[lang];
}

/** Picks a language's text from a localized value, falling back to English. */
export function localize(text: LocalizedText, lang: Language): string {
  if (typeof text === 'string') return text;
  return text[lang] ?? text.en;
}

export type { UiStrings };

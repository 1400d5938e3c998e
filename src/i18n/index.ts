/** Interface strings per language. */
import type { Language } from './languages.ts';
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

export type { UiStrings };

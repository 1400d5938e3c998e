/** Interface strings per language and helpers to pick the right text for a page. */
import type { Language, LocalizedText } from '../schemas/primitives.ts';
import { en } from './en.ts';
import type { UiStrings } from './types.ts';

/**
 * Strings per language. Belarusian and Russian start as the English set (the multilingual issue
 * translates them); the type already demands every key in every language.
 */
export const ui: Record<Language, UiStrings> = { en, be: en, ru: en };

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

/** Wording helpers the language modules share: nouns agreeing with numbers, quoted lists. */

/** A noun's forms for the plural categories a language uses (Unicode CLDR); `other` is the fallback. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The form of a noun that agrees with a number, by the locale's plural rules. */
export function pluralWord(locale: string, forms: PluralForms): (n: number) => string {
  const rules = new Intl.PluralRules(locale);
  return (n) => forms[rules.select(n)] ?? forms.other;
}

/** Quoted words joined as a list, `“a”, “b” or “c”`, with the language's quotation marks. */
export function quotedList(words: readonly string[], conjunction: string, [open, close]: readonly [string, string]): string {
  const q = words.map((w) => `${open}${w}${close}`);
  return q.length > 1 ? `${q.slice(0, -1).join(', ')} ${conjunction} ${q.at(-1) ?? ''}` : (q[0] ?? '');
}

/** Quotation marks of English text. */
export const CURLY_QUOTES = ['“', '”'] as const;

/** Quotation marks of Belarusian and Russian text. */
export const GUILLEMETS = ['«', '»'] as const;

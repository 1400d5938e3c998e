/**
 * Building blocks shared by every Barometer schema. Plain zod (no `astro:*` imports) so that the
 * Astro content layer, the validator and the importer all parse content with the same rules.
 */
import { z } from 'astro/zod';
import { LANGUAGES, type Language } from '../i18n/languages.ts';
import { isRealIsoDate } from './calendar.ts';
import { ID_PATTERN } from './ids.ts';

export { LANGUAGES, type Language };

/** A language the interface supports (src/i18n/languages.ts); site.yaml picks the site's from these. */
export const languageSchema = z.enum(LANGUAGES);

/** The three trend verdicts a weekly analysis can carry. */
export const TRENDS = ['worse', 'unchanged', 'better'] as const;

/** A trend verdict id. */
export const trendSchema = z.enum(TRENDS);

/** A trend verdict id (`worse`, `unchanged`, `better`). */
export type Trend = z.infer<typeof trendSchema>;

/** The kinds of analysis: weekly digest entries carry a verdict, the others do not. */
export const KINDS = ['weekly', 'analysis', 'opinion'] as const;

/** An analysis kind. */
export const kindSchema = z.enum(KINDS);

/** An analysis kind (`weekly`, `analysis`, `opinion`). */
export type Kind = z.infer<typeof kindSchema>;

/** An id of a topic, actor or author: lowercase ASCII words joined by single hyphens. */
export const idSchema = z
  .string()
  .regex(ID_PATTERN, { error: 'an id of lowercase letters, digits and single hyphens (e.g. "belarus-west-relations")' });

/**
 * A calendar date written `YYYY-MM-DD`. YAML parsers (Astro's js-yaml) turn unquoted dates into
 * `Date` objects, silently rolling impossible dates over (2022-02-30 becomes March 2); we turn
 * such values back into strings so the site sees the same type, and our validator, which parses
 * YAML without timestamps, is where impossible dates are caught.
 */
export const isoDateSchema = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.string().check((ctx) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(ctx.value)) {
      ctx.issues.push({ code: 'custom', input: ctx.value, message: `found "${ctx.value}", expected a date written YYYY-MM-DD` });
    } else if (!isRealIsoDate(ctx.value)) {
      ctx.issues.push({ code: 'custom', input: ctx.value, message: `${ctx.value} is not a real calendar date` });
    }
  }),
);

/** A URL whose scheme is http or https, in any letter case; every other scheme is refused. */
export const httpUrlSchema = z.string().check((ctx) => {
  const value = ctx.value.trim();
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url === undefined) {
    ctx.issues.push({ code: 'custom', input: ctx.value, message: `found "${short(ctx.value)}", expected an absolute http(s) URL` });
  } else if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      message: `scheme "${url.protocol}" is not allowed, expected an http or https URL`,
    });
  }
});

/**
 * Control characters other than tab and line ends (NUL, ESC, ...): invisible in an editor, and
 * XML 1.0 forbids them, so one in a title would make the RSS feeds invalid.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Characters that show nothing: white space, control and format characters (zero-width space,
 * joiners, BOM, bidi marks), Unicode's default-ignorable code points (Hangul fillers, variation
 * selectors) and the blank Braille pattern often used to fake an empty name.
 */
const INVISIBLE = /^[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]+$/u;

/** True when `value` is not empty but every character in it is invisible. */
export function isInvisibleText(value: string): boolean {
  return INVISIBLE.test(value) && value.trim() !== '';
}

/** The code points of `value` as `U+200B U+2060`, for messages. */
function codePoints(value: string): string {
  return short([...new Set(value)].map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join(' '));
}

/** Bidirectional controls that open a run: embeddings and overrides (closed by U+202C), isolates (closed by U+2069). */
const BIDI_OPENERS: Record<string, string> = {
  '\u202A': 'left-to-right embedding',
  '\u202B': 'right-to-left embedding',
  '\u202D': 'left-to-right override',
  '\u202E': 'right-to-left override',
  '\u2066': 'left-to-right isolate',
  '\u2067': 'right-to-left isolate',
  '\u2068': 'first-strong isolate',
};
const ISOLATES = new Set(['\u2066', '\u2067', '\u2068']);

/**
 * The first bidirectional control of `value` left open (its character and index), following the
 * Unicode bidi algorithm's pairing: U+202C closes the innermost embedding or override, U+2069
 * the innermost isolate and everything opened inside it. An open override in a title reverses
 * whatever the page prints after it (the site name, a date), so it is refused.
 */
function unclosedBidiControl(value: string): { char: string; index: number } | undefined {
  const open: { char: string; index: number }[] = [];
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charAt(i);
    if (c in BIDI_OPENERS) open.push({ char: c, index: i });
    else if (c === '\u202C' && open.length > 0 && !ISOLATES.has(open.at(-1)?.char ?? '')) open.pop();
    else if (c === '\u2069') {
      const isolate = open.findLastIndex((o) => ISOLATES.has(o.char));
      if (isolate >= 0) open.length = isolate;
    }
  }
  return open[0];
}

/** A non-empty line of visible text, at most `max` characters, without control characters or an open bidi override. */
export function textSchema(max: number) {
  return z.string().check((ctx) => {
    const control = CONTROL.exec(ctx.value);
    const bidi = unclosedBidiControl(ctx.value);
    if (control) {
      const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      ctx.issues.push({ code: 'custom', input: ctx.value, message: `contains the control character ${code} at position ${control.index + 1}, expected plain text` });
    } else if (ctx.value.trim() === '') {
      ctx.issues.push({ code: 'custom', input: ctx.value, message: 'must not be empty' });
    } else if (bidi) {
      const code = `U+${bidi.char.charCodeAt(0).toString(16).toUpperCase()}`;
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: `opens a ${BIDI_OPENERS[bidi.char] ?? 'bidirectional control'} (${code}) at position ${bidi.index + 1} and never closes it, expected each bidirectional control closed in the same field (U+202C or U+2069)`,
      });
    } else if (isInvisibleText(ctx.value)) {
      ctx.issues.push({ code: 'custom', input: ctx.value, message: `has only invisible characters (${codePoints(ctx.value)}), expected visible text` });
    } else if (ctx.value.length > max) {
      ctx.issues.push({ code: 'custom', input: ctx.value, message: `is ${ctx.value.length} characters long, expected at most ${max}` });
    }
  });
}

/**
 * Text given once for every language (a plain string) or per language (`{ <lang>: text, ... }`,
 * at least one). Normalised at parse to one value per language, a missing translation filled
 * from the first language given in the order of src/i18n/languages.ts, so no reader branches on
 * the written form. Parsing the result again gives the same value (Astro re-parses what the
 * loader stored).
 */
export const localizedTextSchema = z
  .union([
    textSchema(2000),
    z
      .strictObject(Object.fromEntries(LANGUAGES.map((lang) => [lang, textSchema(2000).optional()])) as Record<Language, z.ZodOptional<ReturnType<typeof textSchema>>>)
      .check((ctx) => {
        if (LANGUAGES.every((lang) => ctx.value[lang] === undefined)) {
          ctx.issues.push({ code: 'custom', input: ctx.value, message: `has no text, expected a string or text in at least one of ${LANGUAGES.join(', ')}` });
        }
      }),
  ])
  .transform((text): Record<Language, string> => {
    if (typeof text === 'string') return fillLanguages(() => text);
    const first = LANGUAGES.map((lang) => text[lang]).find((value) => value !== undefined) ?? '';
    return fillLanguages((lang) => text[lang] ?? first);
  });

/** One value per supported language. */
export function fillLanguages<T>(value: (lang: Language) => T): Record<Language, T> {
  return Object.fromEntries(LANGUAGES.map((lang) => [lang, value(lang)])) as Record<Language, T>;
}

/** Text in every language, as parsed (the first language given where no translation was written). */
export type LocalizedText = z.output<typeof localizedTextSchema>;

/** Shortens a value for an error message so a 1 MB field does not flood the terminal. */
export function short(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/**
 * Topics, actors and authors: the taxonomy is data in `content/`, so another desk reuses
 * Barometer by editing YAML files only.
 */
import { z } from 'astro/zod';
import { fillLanguages, localizedTextSchema, textSchema } from './primitives.ts';

/** `content/topics/<id>.yaml`: a recurring subject of the weekly digest. */
export const topicSchema = z.strictObject({
  /** Display name per language. */
  name: localizedTextSchema,
  /** One or two sentences shown on the topic page. */
  description: localizedTextSchema,
  /** Position in lists and in a week's digest (ascending). */
  order: z.number().int(),
});

/** A topic as parsed. */
export type TopicData = z.infer<typeof topicSchema>;

/** What an actor is. */
export const ACTOR_KINDS = ['person', 'organisation', 'country'] as const;

/** `content/actors/<id>.yaml`: a person, organisation or country that analyses name. */
export const actorSchema = z.strictObject({
  /** Display name per language. */
  name: localizedTextSchema,
  /** Every other spelling readers or sources use (Lukashenko, Лукашенко, Лукашэнка, ...). */
  aliases: z.array(textSchema(200)).default([]),
  /** Person, organisation or country. */
  kind: z.enum(ACTOR_KINDS),
  /** Office or description ("President of Russia"). */
  role: localizedTextSchema.optional(),
});

/** An actor as parsed. */
export type ActorData = z.infer<typeof actorSchema>;

/** What an author is: a person, or an organisation (a news agency, an editorial desk) that signs. */
export const AUTHOR_KINDS = ['person', 'organisation'] as const;

/** `content/authors/<id>.yaml`: a person or organisation that signs analyses. */
export const authorSchema = z.strictObject({
  /** Name as printed in bylines (any script), and in every language without its own spelling in `names`. */
  name: textSchema(200),
  /** Person (the default) or organisation: an organisation's byline is printed without "By". */
  kind: z.enum(AUTHOR_KINDS).default('person'),
  /** The author's role as printed beside the name ("Political Correspondent"), if any. */
  role: textSchema(200).optional(),
  /** The name in other languages' scripts, when it differs (`{ be: ..., ru: ... }`). */
  names: z.strictObject(fillLanguages(() => textSchema(200).optional())).optional(),
  /** Other spellings, used by the importer to match bylines. */
  aliases: z.array(textSchema(200)).default([]),
  /** A short biography; an author imported from a page that prints none has only a name. */
  bio: localizedTextSchema.optional(),
  /** Institution, if any. */
  affiliation: textSchema(300).optional(),
});

/** An author as parsed. */
export type AuthorData = z.infer<typeof authorSchema>;

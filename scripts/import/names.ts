/**
 * Author names as markup and bylines give them, made into the name an author file keeps: the
 * byline word ("By", "Von", "Par") out, "Last, First" turned back, honorifics, e-mail addresses
 * and handles out, a trailing role ("Political Correspondent", "기자") and an outlet's name run
 * into the name ("...The Associated Press") split off. Any script is a name; an agency or a desk
 * is an organisation.
 */
import { stripHonorifics } from './byline.ts';
import { normalizeSpaces } from './periods.ts';

/** What a printed author turned out to be. */
export interface AuthorName {
  /** The name as the author file keeps it. */
  name: string;
  /** A person, or an organisation (an agency, a desk, the outlet itself). */
  kind: 'person' | 'organisation';
  /** A role printed with the name ("Political Correspondent"), kept apart from it. */
  role?: string;
}

/** What the page says about who published it: names that, as an author, mean an organisation. */
export interface NameContext {
  /** The outlet's names (og:site_name, JSON-LD publisher, the `<title>`'s site part). */
  siteNames: readonly string[];
}

/** Words that introduce a byline, in the languages seen on news pages (Italian "di" in lower case only: "Di Maio" is a name). */
const BYLINE_WORD = /^(?:(?:(?:posted|published|written|reported|created|story|words|text|text und interview|text (?:&|und) fotos?|interview|eingestellt|veröffentlicht|publiziert|erstellt|geschrieben|verfasst|beitrag|rezept|publié|écrit|publicado|escrito|escribe|pubblicato|scritto|gepubliceerd|geplaatst)\s+(?:by|von|par|por|da|door)|by|von|vom|par|por|per|door|av|af|od|przez|autor(?:in)?|auteur|author|text|texte|interview|escribe|автор|аўтар|текст|тэкст|yazar)\s*[:：]?\s+|(?:(?:show|view|see)\s+all\s+(?:articles|posts|stories)|alle\s+(?:beiträge|artikel)|zum\s+profil|more\s+(?:from|by)|mehr\s+von)\s+(?:of|by|from|von)?\s*|(?-i:di)\s+|~\s*|(?-i:By|OF)(?=\p{Lu}[\p{Ll}.]))(?=\S)/iu;

/**
 * A byline that names nobody: a label left without its name ("Posted on", "Veröffentlicht am"),
 * a CMS account ("admin") or a placeholder ("No Author").
 */
const NO_NAME = /^(?:(?:posted|published|written|created|updated|veröffentlicht|publiziert|erstellt|eingestellt|aktualisiert|publié|publicado|pubblicato)(?:\s+(?:on|by|in|am|von|le|par|el|por|il|da))?|by|von|par|por|door|author|autor|auteur|name|no author|admin|administrator|wordpressadmin|webmaster|site admin|redakteur|follow|folgen|suivre|seguir|foto|fotos|photo|photos|bild|bilder|more|mehr|share|teilen)$/iu;

/**
 * Words that introduce a byline line printed in the page's text ("Von Jane Roe", "Texte : Jane Roe",
 * "责任编辑：张三"), one row per language. A label written with its colon ("text:") counts only with
 * it; Italian "di" only in lower case ("Di Maio" is a name). Such a line is a byline only when what
 * follows the label is name-shaped (see bylineLineNames), so "Von Hamburg aus fahren..." is none.
 */
export const BYLINE_LABELS: Readonly<Record<string, readonly string[]>> = {
  en: ['by', 'written by', 'posted by', 'published by', 'reported by', 'words by', 'story by', 'text by', 'author:', 'authors:', 'byline:', 'words:', 'text:'],
  de: ['von', 'text von', 'text und fotos von', 'ein beitrag von', 'beitrag von', 'blog beitrag von', 'blogbeitrag von', 'ein gastbeitrag von', 'gastbeitrag von', 'eine kolumne von', 'ein kommentar von', 'kommentar von', 'geschrieben von', 'verfasst von', 'erstellt von', 'eingestellt von', 'veröffentlicht von', 'gespeichert von', 'autor', 'autorin', 'autoren', 'autorinnen', 'redaktion:'],
  fr: ['par', 'texte de', 'écrit par', 'publié par', 'rédigé par', 'auteur', 'auteurs', 'texte:'],
  es: ['por', 'escrito por', 'publicado por', 'escribe', 'autor', 'autora', 'texto:'],
  it: ['di', 'scritto da', 'a cura di', 'autore', 'autrice', 'testo:'],
  pt: ['por', 'escrito por', 'publicado por', 'autor', 'autora', 'texto:'],
  nl: ['door', 'geschreven door', 'auteur', 'tekst:'],
  nordic: ['av', 'af', 'skrevet af', 'skrevet av', 'skrivet av', 'forfatter', 'författare', 'tekst:'],
  pl: ['autor', 'autorka', 'tekst:'],
  tr: ['yazar', 'yazan'],
  ru: ['автор', 'авторы', 'текст:'],
  uk: ['автор', 'автори', 'текст:'],
  be: ['аўтар', 'аўтары', 'тэкст:'],
  zh: ['作者', '记者', '责任编辑', '文:'],
};

/** The byline label at the start of a line: "Von ", "Text: ", "— by ", "责任编辑：". */
const BYLINE_LABEL = new RegExp(
  `^(?:[-–—~]+\\s*)?(?:${[...new Set(Object.values(BYLINE_LABELS).flat())]
    .sort((a, b) => b.length - a.length)
    .map((label) => {
      const colon = label.endsWith(':');
      const word = (colon ? label.slice(0, -1) : label).replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/ /gu, '\\s+');
      const cased = word === 'di' ? '(?-i:di)' : word;
      return colon ? `${cased}\\s*[:：]\\s*` : `${cased}(?:\\s*[:：]\\s*|\\s+)`;
    })
    .join('|')})(?=\\S)`,
  'iu',
);

/** Credits printed after the writer on one byline line ("Text von A Illustration von B", "Autor: A Quelle: B"): the name ends there. */
const LATER_CREDIT = /\s+(?:illustrations?|illustrationen|illustración|fotos?|photos?|photographs?|bilder?|images?|grafik(?:en)?|kamera|camera|video|mitarbeit|quelle|source|fuente|fonte|datum|date|fecha|data|veröffentlicht|published|posted|aktualisiert|updated|publié|publicado|pubblicato)(?![\p{L}]).*$/iu;

/**
 * Words that never stand in a person's or an outlet's name, in the languages of the label table:
 * weekdays, date and page-control labels ("Datum", "Stand", "Drucken", "Lo Último"). A byline
 * holding one is a control or a label the markup marked, not a name.
 */
const NOT_NAME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag',
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche',
  'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo',
  'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì',
  'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag',
  'datum', 'date', 'fecha', 'stand', 'uhr', 'updated', 'aktualisiert', 'gesponserte', 'gesponsert', 'sponsored', 'anzeige', 'werbung',
  'drucken', 'pinnen', 'print', 'imprimer', 'imprimir', 'stampa', 'teilen', 'share', 'partager', 'compartir', 'condividi', 'tweet',
  'rezept', 'recipe', 'artikel', 'article', 'articles', 'beitrag', 'beiträge', 'posts', 'kommentare', 'comments', 'comentarios',
  'anonymous', 'anonym', 'anonyme', 'anónimo', 'anonimo', '匿名', 'unbekannt',
  'último', 'últimas', 'latest', 'neueste', 'lesezeit', 'minuten', 'minutes', 'menu', 'menü', 'login', 'anmelden', 'suche', 'search',
]);

/** Lowercase words that, alone after a label, are an ordinary word and not a user name ("Von oben", "by default"). */
const PLAIN_WORDS = new Set(['oben', 'unten', 'hier', 'dort', 'heute', 'gestern', 'morgen', 'default', 'hand', 'far', 'now', 'here', 'the', 'a', 'an', 'der', 'die', 'das', 'den', 'dem', 'le', 'la', 'les', 'el', 'los', 'las', 'il', 'lo', 'de', 'du']);

/** True when a cleaned name holds a word no name holds (a weekday, a page control, a date label). */
export function hasNotNameWord(name: string): boolean {
  return name.split(/[\s/,-]+/u).some((w) => NOT_NAME_WORDS.has(w.toLowerCase().replace(/[.:]$/u, '')));
}

/**
 * True when a name read from a labelled line of text or a page script is shaped like a person's or
 * an outlet's: at most five words, each capitalised, a name particle or in a script without
 * capitals; or one token that reads as a user name ("rasos", "Weinfan", "r23"), never a sentence.
 */
export function isBylineName(name: string): boolean {
  if (!isAcceptableName(name)) return false;
  const words = name.split(' ');
  // "Informatikerin und Netzphilosophin Jane Roe": "und" inside, or a conjunction at either end, means a description, not a name.
  if (words.some((w) => /^(?:und|and|oder|or)$/u.test(w)) || /^(?:et|e|y|of)$/u.test(words[0] ?? '') || /^(?:et|e|y|of)$/u.test(words.at(-1) ?? '')) return false;
  if (words.length > 5) return false;
  // One token: a capitalised name or handle ("Olga", "Weinfan", "MikeNils") or a script without capitals; a lowercase word is an ordinary word ("am", "département").
  if (words.length === 1) return AGENCIES.includes(name) || (!PLAIN_WORDS.has(name.toLowerCase()) && /^(?:\p{Lu}|\p{Lo})[\p{L}\p{M}\p{N}._’'-]*$/u.test(name) && name.length >= 2);
  return !/\d/u.test(name) && isPlausibleByline(name);
}

/**
 * The names a byline line printed in the text gives ("Von Jane Roe und John Doe", "Text: Jane Roe
 * Illustration von ...", "Posted on 21 May 2020 by Jane Roe", "06.11.2023 13:30 von Olga"), as
 * printed; undefined when the line is no byline (no label, or a sentence after it).
 */
export function bylineLineNames(line: string): string[] | undefined {
  return readBylineLine(line)?.names;
}

/** True when a line is a byline and nothing else: its label, its names and at most a date ("Von Jane Roe, 21. Mai"), no role or affiliation. */
export function isBareBylineLine(line: string): boolean {
  return readBylineLine(line)?.bare === true;
}

/** The names a byline line gives, and whether the line holds nothing but them (and a date). */
function readBylineLine(line: string): { names: string[]; bare: boolean } | undefined {
  const text = normalizeSpaces(line.replace(INVISIBLE, ''));
  if (text.length > 160) return undefined;
  let rest: string | undefined;
  const labelled = BYLINE_LABEL.exec(text);
  if (labelled) rest = text.slice(labelled[0].length);
  else {
    // A date or time before the label ("Posted on 21 May 2020 by", "06.11.2023 13:30 von"): a few words holding a digit.
    const after = /^((?:\S+\s+){0,6}?\S*\d\S*)\s+(?:by|von|par|por|door|av|af)\s+(?=\S)/iu.exec(text);
    if (after && !/[.!?]\s/u.test(after[1] ?? '')) rest = text.slice(after[0].length);
  }
  if (rest === undefined) return undefined;
  // "A, B and C - Harbour Safety team": a team or a place after a spaced dash is no name.
  const undated = rest.replace(TRAILING_DATE, '').replace(/^[\s:：,;]+|[\s:：,;]+$/gu, '');
  rest = rest.split(SEGMENTS)[0]?.split(/\s+-\s+/u)[0] ?? rest;
  rest = rest.replace(LATER_CREDIT, '').replace(TRAILING_DATE, '').replace(/^[\s:：,;]+|[\s:：,;]+$/gu, '');
  if (rest === '') return undefined;
  // "Jane Roe, HARBOUR RADIO": an outlet or a place printed in capitals after the writer is no co-author.
  const names = splitAuthorList(rest.replace(/,\s*[\p{Lu}\p{N}\s.&-]+$/u, (tail) => (/\p{Ll}/u.test(rest.replace(tail, '')) ? '' : tail)));
  // "Jane Roe (Pressesprecherin)", "Jane Roe, Frankfurt": the name before a role or a place.
  const cleaned = names.map((n) => n.replace(/\s*\([^()]*\)$/u, '').replace(/,.*$/u, '').trim());
  if (cleaned.length === 0 || !cleaned.every(isBylineName)) return undefined;
  return { names: cleaned, bare: rest === undated && names.every((n, i) => n === cleaned[i]) };
}

/** A reading time printed in the byline box ("ca. 8 Min.", "5 min read"): no name in it. */
const READING_TIME = /^(?:ca\.?|circa|approx\.?|about|etwa|~)?\s*\d+\s*(?:min|mins|minuten|minutes)\b/iu;

/** A date or time run into a byline: "· 22. Oktober 2019", " am 08.12.2022", " at 18:52", ", 07 Dezember, 2022". */
const TRAILING_DATE = /(?:\s*,|\s+(?:am|at|on|le|el|il|em|um|den|op|vor|stand|updated|update|aktualisiert|—|–|-)\s*:?)?\s+\d.*$/iu;

/** Separators a byline line puts between the name and the date or place ("Jane Roe · 2 May", "2 May | von Jane Roe"). */
const SEGMENTS = /\s*[·•|]\s*|\s+[—–]\s+/u;

/** Invisible characters pages leave inside names (soft hyphens, zero-width spaces and joiners, marks). */
const INVISIBLE = /[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF\u202A-\u202E]/gu;

/** Nouns that name a newsroom role; a name followed by one carries its role, not a longer name. */
const ROLE_NOUNS = new Set([
  'correspondent', 'correspondents', 'reporter', 'reporters', 'editor', 'editors', 'writer', 'writers', 'columnist', 'contributor', 'journalist',
  'analyst', 'producer', 'photographer', 'presenter', 'host', 'anchor', 'intern', 'fellow', 'researcher', 'professor', 'director', 'chief', 'staff',
  'redakteur', 'redakteurin', 'chefredakteur', 'chefredakteurin', 'korrespondent', 'korrespondentin', 'journalistin', 'reporterin', 'autorin', 'volontär', 'volontärin',
  'rédacteur', 'rédactrice', 'correspondant', 'correspondante', 'envoyé', 'envoyée', 'journaliste', 'corresponsal', 'redactor', 'redactora',
  'periodista', 'enviado', 'enviada', 'giornalista', 'inviato', 'inviata', 'redattore', 'redattrice', 'muhabir', 'muhabiri',
  '기자', '특파원', '논설위원', '선임기자', '부장', '記者', '特派員', '编辑', '记者', 'корреспондент', 'журналист', 'обозреватель', 'редактор',
  'кореспондент', 'карэспандэнт', 'журналіст', 'аглядальнік', 'рэдактар',
]);

/** Words that stand before a role noun and belong to the role ("Senior Political Correspondent"). */
const ROLE_MODIFIERS = new Set([
  'senior', 'chief', 'deputy', 'associate', 'assistant', 'contributing', 'managing', 'executive', 'staff', 'special', 'investigative', 'political',
  'foreign', 'economics', 'economic', 'business', 'health', 'science', 'security', 'defence', 'defense', 'diplomatic', 'legal', 'sports', 'sport',
  'technology', 'tech', 'news', 'home', 'affairs', 'data', 'international', 'national', 'europe', 'european', 'washington', 'london', 'moscow',
  'brussels', 'berlin', 'paris', 'beijing', 'asia', 'africa', 'middle', 'east', 'culture', 'arts', 'environment', 'climate', 'energy',
  'education', 'transport', 'royal', 'crime', 'parliamentary', 'global', 'digital', 'video', 'features', 'opinion', 'consumer', 'money',
  'finance', 'markets', 'property', 'world', 'us', 'uk', 'eu', 'white', 'house', 'correspondent', 'and', 'of', 'for', 'the', '&',
]);

/** News agencies whose names are run into bylines ("Jane Roe The Associated Press"). */
const AGENCIES = ['The Associated Press', 'Associated Press', 'Reuters', 'AFP', 'Agence France-Presse', 'dpa', 'Deutsche Presse-Agentur', 'Bloomberg', 'AP', 'ANSA', 'EFE', 'Yonhap', 'Kyodo', 'Xinhua', 'TASS', 'Interfax', 'PAP', 'APA', 'SDA', 'KNA', 'epd', 'Anadolu Ajansı', 'Anadolu Agency', 'CNN', 'BBC News'];

/** Words that make a byline an organisation's: a desk, a newsroom, an agency, a web address. */
const ORGANISATION_WORDS = /(?:^|[\s-])(?:staff|desk|team|newsroom|editorial|editors|redaktion|rédaction|redacción|redazione|redactie|redaksjon|redaktionen|agency|agentur|agence|agencia|agenzia|press|presse|news|nachrichten|online|digital|media|times|post|zeitung|journal|tribune|herald|gazette|magazine|magazin|radio|tv|newswire|wire|service|bureau|ajansı|редакция|рэдакцыя|agencies|agenturen)(?=$|[\s-])|\p{L}(?:agentur|redaktion|zeitung)(?=$|[\s-])|\.(?:com|de|at|ch|org|net|is|be|fr|uk|co|info|online|news)\b/iu;

/** An agency's or outlet's short form: "AFP", "dpa", "SDA" (a person's name is never all one case in a cased script). */
const ACRONYM = /^(?:\p{Lu}{2,5}|\p{Ll}{2,5})$/u;

/** Strips a trailing `(…)` or `, …` that names a role or place ("(Enviado especial)", ", Frankfurt"). */
function splitTrailing(text: string): { name: string; role?: string } {
  const paren = /^(.+?)\s*\(([^()]+)\)$/u.exec(text);
  if (paren) return { name: (paren[1] ?? '').trim(), role: (paren[2] ?? '').trim() };
  return { name: text };
}

/** True when a word is written in a script with capitals (Latin, Cyrillic, Greek, Armenian...). */
function hasCase(word: string): boolean {
  return word.toLowerCase() !== word.toUpperCase();
}

/** Removes a trailing role: the role noun and the modifiers before it, leaving at least one word of name. */
function splitRole(name: string): { name: string; role?: string } {
  const words = name.split(' ');
  const lower = words.map((w) => w.toLowerCase().replace(/[.,:;]$/u, ''));
  const nounAt = lower.findIndex((w, i) => i >= 1 && ROLE_NOUNS.has(w));
  if (nounAt < 0) return { name };
  // The role runs from its first modifier to the end, and every word of it is a role word.
  let start = nounAt;
  while (start - 1 >= 1 && ROLE_MODIFIERS.has(lower[start - 1] ?? '')) start -= 1;
  if (!lower.slice(start).every((w) => ROLE_NOUNS.has(w) || ROLE_MODIFIERS.has(w))) return { name };
  // In a script with capitals, one name word before one role word is more likely a surname ("John Host").
  if (start === 1 && words.length === 2 && hasCase(words[0] ?? '')) return { name };
  return { name: words.slice(0, start).join(' '), role: words.slice(start).join(' ') };
}

/** A form of address printed before a name ("Frau", "Herr", "Mme", "Mr"). */
const HONORIFIC_WORD = /^(?:frau|herr|fr|hr|mme|mlle|madame|monsieur|mr|mrs|ms|miss|mx|sr|sra|señor|señora|dr|prof)\.?$/iu;

/** Removes an outlet's or agency's name run into the end of a name ("Jervis-BardyThe West Australian"). */
function splitOutlet(name: string, outlets: readonly string[]): string {
  for (const outlet of outlets) {
    if (outlet.length < 2 || name.length <= outlet.length + 2) continue;
    const at = name.length - outlet.length;
    if (name.slice(at).toLowerCase() !== outlet.toLowerCase()) continue;
    const before = name.slice(0, at);
    // Spaced ("Jane Roe The Associated Press"), after a separator ("Jane Roe / AP"), or glued to a lowercase letter ("RoeThe").
    const rest = before.replace(/[\s,/|–—-]+$/u, '');
    if (rest === before && !/\p{Ll}$/u.test(before)) continue;
    // An article or a conjunction before it makes the outlet part of one name ("The Associated Press", "Le Figaro et AFP").
    if (/(?:^|\s)(?:the|and|und|et|e|y|&|of|for)$/iu.test(rest)) continue;
    // A publishing house's words before it, with only a space between, make one organisation ("Casa Editorial El Tiempo").
    if (/\s$/u.test(before) && ORGANISATION_WORDS.test(rest)) continue;
    // "Frau Sabienes" on the blog sabienes.de: a form of address alone is no name, so the outlet is part of it.
    if (HONORIFIC_WORD.test(rest)) continue;
    if (rest.split(' ').length >= 2 || (rest !== before && rest.length >= 3)) return rest;
  }
  return name;
}

/** A site's name as a key: letters and digits only, a web address's ending left out ("stuttgarter-zeitung.de" = "Stuttgarter Zeitung"). */
function siteKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/^(?:https?:\/\/)?(?:www\.)?/u, '')
    .replace(/(?:\.co)?\.[a-z]{2,7}\/?$/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** True when a name is the site's own (`og:site_name`, the JSON-LD publisher, the `<title>`'s end), spelled in any of its ways. */
export function isSiteName(name: string, context: NameContext): boolean {
  const key = siteKey(name);
  return key.length >= 2 && context.siteNames.some((s) => siteKey(s) === key);
}

/** True for a name made of newsroom role words only ("News Reporter", "Staff Writer"). */
export function isRoleOnly(name: string): boolean {
  const words = name.toLowerCase().split(' ');
  return words.some((w) => ROLE_NOUNS.has(w)) && words.every((w) => ROLE_NOUNS.has(w) || ROLE_MODIFIERS.has(w));
}

/** True for an agency or a desk ("dpa", "SID", "Agencia EFE", "BR24 Redaktion"), as opposed to an editor's initials ("amw") or the site itself. */
export function isAgencyOrDesk(name: string, context: NameContext): boolean {
  if (isSiteName(name, context)) return false;
  return AGENCIES.some((a) => a.toLowerCase() === name.toLowerCase()) || ORGANISATION_WORDS.test(name) || /^\p{Lu}{2,5}$/u.test(name);
}

/** True for a printed author that names an organisation rather than a person. */
export function isOrganisation(name: string, context: NameContext): boolean {
  const key = name.toLowerCase();
  if (isSiteName(name, context)) return true;
  if (AGENCIES.some((a) => a.toLowerCase() === key)) return true;
  return ORGANISATION_WORDS.test(name) || ACRONYM.test(name);
}

/** True for a site account's user name rather than a written name: one token in lower case, or with dots, underscores or digits ("jane.roe", "gizmo42"). */
export function isUserName(name: string): boolean {
  return !name.includes(' ') && hasCase(name) && (name === name.toLowerCase() || /[._\d]/u.test(name));
}

/**
 * True when a name read from byline markup (weaker than JSON-LD or meta) reads as a person's or
 * an outlet's: every word capitalised or a name particle ("Themen bearbeiten", "Quelle: sid" and
 * "03:07 Min." are page controls and labels), or one user-name token ("marc"), or a script
 * without capitals.
 */
export function isPlausibleByline(name: string): boolean {
  if (/[:\d]/u.test(name) && name.includes(' ')) return false;
  const words = name.split(' ');
  if (words.length === 1) return true;
  return words.every((w) => !hasCase(w) || /^[\p{Lu}"'“„(]/u.test(w) || PARTICLE_WORDS.has(w));
}

/** Lowercase words that sit inside names and outlet names ("Ursula von der Leyen", "Le Figaro et AFP"). */
const PARTICLE_WORDS = new Set(['von', 'van', 'der', 'den', 'de', 'da', 'di', 'du', 'la', 'le', 'del', 'dos', 'das', 'bin', 'ibn', 'al', 'el', 'y', 'e', 'et', 'und', 'and', 'of', 'the', 'zu', 'ten', 'ter', 'des', 'do']);

/** True when a cleaned name can be an author's: letters in any script, no address, not a sentence. */
export function isAcceptableName(name: string): boolean {
  if (name.length < 2 || name.length > 100) return false;
  if (!/\p{L}/u.test(name) || /https?:|www\.|@|[<>{}[\]|]/u.test(name)) return false;
  const words = name.split(' ');
  if (words.length > 6) return false;
  // A sentence ends with a full stop after a long word; initials ("J.") are fine.
  return !/\p{L}{4,}[.!?]$/u.test(name) && !hasNotNameWord(name);
}

/**
 * Cleans one printed author ("By Amy Gibbons Political Correspondent", "Gettleman, Jeffrey",
 * "구현모 기자", "von Dr. Max Kolter") into the name an author file keeps; undefined when nothing
 * name-like is left. `organisation` says the markup already typed it so (JSON-LD Organization).
 */
export function normalizeAuthor(printed: string, context: NameContext, organisation = false): AuthorName | undefined {
  let text = normalizeSpaces(printed.replace(INVISIBLE, ''));
  // Addresses, handles and links are contact details, not the name.
  text = normalizeSpaces(text.replace(/\S+@\S+\.\S+/gu, ' ').replace(/https?:\/\/\S+/gu, ' ').replace(/(^|\s)@\w+/gu, ' '));
  // "22. Oktober 2019 · von Jane Roe": the part that is neither a date nor a bare label.
  const segments = text.split(SEGMENTS).filter((p) => /\p{L}/u.test(p) && !/\d/u.test(p.replace(/\p{L}\d+|\d+\p{L}/gu, '')) && !NO_NAME.test(p.trim()));
  if (segments.length >= 1 && text.split(SEGMENTS).length > 1) text = segments[0] ?? text;
  // "unocero - Jane Roe": the site's own name before a dash is the outlet, not part of the name.
  const dashed = /^(.+?)\s+[-–—]\s+(.+)$/u.exec(text);
  if (dashed && isSiteName(dashed[1] ?? '', context)) text = dashed[2] ?? text;
  for (let i = 0; i < 2; i += 1) text = text.replace(BYLINE_WORD, '');
  // A name printed twice in one element (an avatar's text, then the link): "jesusfreak jesusfreak".
  const twice = /^(.+?)\s+\1$/u.exec(text);
  if (twice && (twice[1] ?? '').length >= 3) text = twice[1] ?? text;
  if (READING_TIME.test(text)) return undefined;
  text = text.replace(TRAILING_DATE, '');
  text = text.replace(/^[\s:：,;|·•–—-]+|[\s:：,;|·•–—-]+$/gu, '');
  if (text === '' || NO_NAME.test(text)) return undefined;
  let role: string | undefined;
  const trailing = splitTrailing(text);
  text = trailing.name;
  if (trailing.role !== undefined) role = trailing.role;
  const outlets = [...context.siteNames, ...AGENCIES].sort((a, b) => b.length - a.length);
  // An outlet run into a person's name goes first, so "Jane RoeThe Harbour Times" is not taken for the outlet.
  if (!organisation) text = splitOutlet(text, outlets);
  if (organisation || isSiteName(text, context) || (isOrganisation(text, context) && !/^\p{Lu}[\p{Ll}’'-]+\s+\p{Lu}[\p{Ll}’'-]+$/u.test(text))) {
    return isAcceptableName(text) ? { name: text, kind: 'organisation', ...(role === undefined ? {} : { role }) } : undefined;
  }
  // "Last, First": two parts of one or two capitalised words each, no role among them.
  const comma = /^([^,]+),\s*([^,]+)$/u.exec(text);
  if (comma) {
    const [last, first] = [(comma[1] ?? '').trim(), (comma[2] ?? '').trim()];
    const shortName = (s: string): boolean => s.split(' ').length <= 2 && s.split(' ').every((w) => /^\p{Lu}[\p{L}’'.-]*$/u.test(w));
    if (shortName(last) && shortName(first) && last.split(' ').length === 1 && splitRole(`${first} ${last}`).role === undefined) text = `${first} ${last}`;
    else {
      // "Povilas Aleksandravičius, professor at ...": what follows the comma is a role or place.
      role = role ?? first;
      text = last;
    }
  }
  text = splitOutlet(text, outlets);
  const roleSplit = splitRole(text);
  text = roleSplit.name;
  if (roleSplit.role !== undefined) role = role === undefined ? roleSplit.role : `${roleSplit.role}, ${role}`;
  text = stripHonorifics(text).replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/gu, '');
  if (!isAcceptableName(text)) return undefined;
  return { name: text, kind: 'person', ...(role === undefined ? {} : { role }) };
}

/** Splits one printed author field that names several people ("A, B and C", "A und B", "A og B"). */
export function splitAuthorList(text: string): string[] {
  const parts = normalizeSpaces(text)
    .split(/\s*[;&]\s*|\s+(?:and|und|og|och|et|e|y|i|и|і|ve|en)\s+|\s*,\s*/u)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  // Split only when every part reads as a name of its own: "Roe, Jane" or "Name, professor at ..." stays whole.
  const nameLike = (p: string): boolean => {
    // An agency after the names ("Jane Roe und John Doe, dpa") is one more author.
    if (AGENCIES.some((a) => a.toLowerCase() === p.toLowerCase())) return true;
    const words = p.replace(BYLINE_WORD, '').split(' ');
    if (!words.some((w) => hasCase(w))) return words.length <= 3;
    return words.length >= 2 && words.length <= 4 && words.every((w) => /^(?:\p{Lu}|(?:von|van|der|den|de|da|di|du|la|le|del|dos|das|bin|al|el)$)/u.test(w));
  };
  return parts.length > 1 && parts.every(nameLike) ? parts : [normalizeSpaces(text)];
}

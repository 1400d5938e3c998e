/**
 * Page chrome: the lines a scraped page carries that are not part of the analysis (share buttons,
 * newsletter boxes, comment forms, teasers for other posts). Kept as ONE data table so a new site's
 * chrome is handled by adding a row, never by changing the parser.
 */

/**
 * What a matching line does:
 * - `line`: drop that line only;
 * - `rest`: the article has ended; drop that line and everything after it. Before the first prose
 *   paragraph a `rest` row drops its line only, so a site menu at the top cannot swallow the page.
 */
export type ChromeScope = 'line' | 'rest';

/** One rule of the chrome table. */
export interface ChromeRule {
  /** Short name, reported with every dropped line. */
  id: string;
  /** Tested against the whole line (spaces collapsed, trimmed); anchor it. */
  pattern: RegExp;
  /** How much goes. */
  scope: ChromeScope;
  /** Set when the line carries data worth keeping (the pattern's first group holds it). */
  records?: 'languages';
}

/** The chrome table. Patterns are tried in order; the first match wins. */
export const CHROME_RULES: readonly ChromeRule[] = [
  // Skip links and account prompts at the top of a page: never a title, never text.
  { id: 'skip-link', pattern: /^(?:skip to (?:the )?(?:main )?(?:content|navigation|article)|skip navigation|jump to (?:main )?content|direkt zum inhalt|zum inhalt springen|zum hauptinhalt(?: springen)?|inhalt anspringen|aller au contenu(?: principal)?|passer au contenu(?: principal)?|ir al contenido(?: principal)?|saltar al contenido(?: principal)?|vai al contenuto(?: principale)?|salta al contenuto|naar de inhoud|gå til innhold|hoppa till innehåll|przejdź do treści|перейти к (?:основному )?содержанию|перайсці да зместу|navigation und service|hauptnavigation|servicenavigation|navigation|main menu|hauptmenü|本文へ移動|본문 바로가기|본문으로 바로가기|メインコンテンツへスキップ|跳到主要内容)$/iu, scope: 'line' },
  { id: 'account', pattern: /^(?:log ?in|sign ?in|sign up|log ?out|register|my account|create (?:an )?account|anmelden|einloggen|abmelden|registrieren|mein konto|se connecter|connexion|s'inscrire|mon compte|iniciar sesión|accedi|registrati|войти|выйти|регистрация|увайсці|로그인|회원가입|ログイン)$/iu, scope: 'line' },
  // Translation links ("This post is also available in: Türkçe Русский"): not body text, but they
  // say which languages the piece exists in.
  { id: 'available-in', pattern: /^(?:this post is also available in|this article is also available in|эта запись также доступна на|этот пост также доступен на|гэты запіс таксама даступны на|bu yazı şu dillerde de mevcut)\s*:?\s*(.*)$/iu, scope: 'line', records: 'languages' },
  { id: 'share', pattern: /^(?:share|share this|share on \p{L}+|share via \p{L}+|more options|print version|version for print|версия для печати|версія для друку|paylaş|поделиться|падзяліцца|tweet|pin it|print|email|whatsapp|telegram|facebook|twitter|linkedin)$/iu, scope: 'line' },
  { id: 'read-more', pattern: /^(?:read more|continue reading|читать далее|читать также|чытаць далей|devamını oku)\s*(?:»|›|→|\.\.\.|…)?$/iu, scope: 'line' },
  { id: 'view-all', pattern: /^(?:view all|see all|все материалы|усе матэрыялы)$/iu, scope: 'line' },
  { id: 'language-switch', pattern: /^(?:en|be|ru|be\/ru|en\/ru|en \| be \| ru)$/iu, scope: 'line' },
  // Consent prompts left where an embedded video or post would be ("Load content from YouTube", "Externer Inhalt").
  { id: 'consent', pattern: /^(?:(?:load|show|allow|accept|activate|enable) (?:external )?(?:content|video|embed|cookies)(?: from \S+)?|accept (?:all )?cookies|(?:recommended )?external content|externer inhalt|empfohlener externer inhalt|inhalte? (?:von \S+ )?(?:laden|anzeigen|zulassen)|alle akzeptieren|akzeptieren und (?:weiter|anzeigen)|contenu externe|accepter (?:et continuer|les cookies)|contenido externo|contenuto esterno)[.!:…]*$/iu, scope: 'line' },
  // Paywall prompts: the article's text (what the copy holds of it) ends there.
  { id: 'paywall', pattern: /^(?:subscribe (?:now )?to (?:continue|keep) reading|to continue reading,? (?:subscribe|sign in|log in)|this (?:article|story|content) is (?:only )?(?:for|available to) (?:subscribers|members)|already a subscriber\??|jetzt (?:weiterlesen|abonnieren|testen)|weiterlesen mit \S+|dieser artikel ist (?:nur )?für abonnenten|lesen sie jetzt weiter|réservé aux abonnés|la suite est réservée aux abonnés|contenido exclusivo para suscriptores|continua a leggere|продолжение доступно (?:только )?подписчикам)[.!:…]*$/iu, scope: 'rest' },
  // A teaser for another article inside the text ("Read also: ...", "Lesen Sie auch: ...").
  { id: 'teaser', pattern: /^(?:read also|also read|see also|read more|more on this(?: story)?|related|lesen sie auch|auch interessant|mehr zum thema|lire aussi|à lire aussi|lea también|leer más|leggi anche|читайте также|чытайце таксама)\s*[:：»›|–—-]\s*\S.{0,200}$/iu, scope: 'line' },
  { id: 'newsletter', pattern: /^(?:you have been successfully subscribed|subscribe to our newsletter|subscribe to us|subscribe|подписаться|подпишитесь на (?:рассылку|нас)|падпісацца|падпішыцеся на (?:рассылку|нас))[.!:…]*$/iu, scope: 'rest' },
  // Breadcrumbs: "Main page", or short parts joined by ">", "»", "›", "/" ("Home › Analytics › Politics").
  // A line that ends like a sentence (. ! ? …) is prose that happens to hold those signs.
  { id: 'breadcrumb', pattern: /^(?:main page|home|home page|главная|главная страница|галоўная|галоўная старонка|(?:[^>»›/|.!?]{1,40}\s[>»›/]\s){2,}[^>»›/|.!?…]{1,120})$/iu, scope: 'line' },
  { id: 'similar-posts', pattern: /^(?:similar posts|similar articles|related posts|related articles|related stories|read also|you may also like|читайте также|похожие статьи|чытайце таксама|benzer yazılar|похожие (?:записи|материалы)|падобныя (?:запісы|матэрыялы))$/iu, scope: 'rest' },
  { id: 'comment-form', pattern: /^(?:please enter your (?:comment|name)(?: here)?|leave a (?:reply|comment)|post comment|оставьте комментарий|пакіньце каментар|yorum yap)[.!:…]*$/iu, scope: 'rest' },
  // A bare "Comments" could also head a section of the text, so it only drops its own line.
  { id: 'comment-count', pattern: /^(?:\d+ )?(?:comments?|комментари(?:и|ев|й)|каментары?)$/iu, scope: 'line' },
  // An image's credit or caption printed as a line of the text ("Foto: IMAGO/...", "Quelle: dpa",
  // "IMAGO/Jane Roe", "... (Image: Getty)", "... (AP Photo/Jane Roe)"): a picture's, not the article's.
  { id: 'photo-credit', pattern: /^(?:(?:photo|photos|foto|fotos|bild|image|picture|credit|photograph|illustration|grafik|фото|фота)\s*:\s*[^.!?]{1,80}|(?:quelle|source|источник|крыніца)\s*:\s*(?:\S+\s?){1,4}|©\s*[^.!?]{1,80}|imago|getty images|(?:imago|getty images|ap photo|reuters|afp|dpa|epa)\/[^.!?]{1,60})$/iu, scope: 'line' },
  { id: 'photo-caption', pattern: /^.{1,400}\((?:(?:image|photo|foto|picture|credit|bild)s?\s*:\s*[^()]{1,80}|[^()]{0,60}\b(?:getty images|ap photo|reuters|afp|imago|shutterstock|istock|dpa|epa)\b[^()]{0,40})\)$/iu, scope: 'line' },
  { id: 'must-read', pattern: /^(?:must read|most read|popular posts|trending|самое читаемое|самае чытанае)$/iu, scope: 'rest' },
];

/** HTML elements that never hold article text: removed before conversion (menus, scripts, forms, media). */
export const CHROME_ELEMENTS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'canvas', 'button', 'input', 'select', 'textarea',
  'nav', 'img', 'picture', 'video', 'audio', 'object', 'embed', 'map', 'dialog',
]);

/** Class and id words of boxes inside an article that are not its text: consent prompts, teaser widgets. */
const BOX_WORDS: Readonly<Record<string, 'consent' | 'teaser'>> = {
  consent: 'consent', cookie: 'consent', cookies: 'consent', gdpr: 'consent', einwilligung: 'consent',
  outbrain: 'teaser', taboola: 'teaser',
};

/**
 * What kind of box an element is by its class and id words ("cookie-consent", "embed-consent",
 * "OUTBRAIN"): a consent prompt or a teaser widget; undefined for anything else. Words are the
 * class's parts between dashes and underscores. "paywall", "premium" or "related" name the
 * article's own wrapper on too many sites to drop a box by them; paywall and teaser lines are
 * caught by their text. The caller keeps a box holding much of the page's paragraph text.
 */
export function boxKind(classAndId: string): 'consent' | 'teaser' | undefined {
  for (const token of classAndId.toLowerCase().split(/\s+/u)) {
    for (const word of token.split(/[-_]+/u)) {
      const kind = BOX_WORDS[word];
      if (kind !== undefined) return kind;
    }
  }
  return undefined;
}

/** Language names printed in "also available in" links -> language codes. */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  english: 'en',
  беларуская: 'be',
  'беларуская мова': 'be',
  русский: 'ru',
  türkçe: 'tr',
  turkish: 'tr',
  українська: 'uk',
  polski: 'pl',
  deutsch: 'de',
  français: 'fr',
  español: 'es',
  lietuvių: 'lt',
  latviešu: 'lv',
  eesti: 'et',
  'azərbaycan dili': 'az',
  azərbaycanca: 'az',
  қазақша: 'kk',
  'қазақ тілі': 'kk',
  中文: 'zh',
  العربية: 'ar',
};

/** Which rule a line matches, if any (with the recorded group, when the rule records one). */
export function matchChrome(line: string): { rule: ChromeRule; value?: string } | undefined {
  if (line.length > 300) return undefined;
  for (const rule of CHROME_RULES) {
    const m = rule.pattern.exec(line);
    if (m) return rule.records && m[1] !== undefined ? { rule, value: m[1] } : { rule };
  }
  return undefined;
}

/**
 * Reads the language names of an "also available in" line ("Türkçe Русский", "English, Беларуская")
 * into codes; names not in LANGUAGE_NAMES come back in `unknown`.
 */
export function parseLanguageList(text: string): { codes: string[]; unknown: string[] } {
  const words = text.split(/[\s,;|/·•]+/u).filter((w) => w !== '');
  const codes: string[] = [];
  const unknown: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const two = `${words[i] ?? ''} ${words[i + 1] ?? ''}`.toLowerCase();
    const one = (words[i] ?? '').toLowerCase();
    const code = LANGUAGE_NAMES[two] ?? LANGUAGE_NAMES[one];
    if (LANGUAGE_NAMES[two] !== undefined) i += 1;
    if (code === undefined) unknown.push(words[i] ?? '');
    else if (!codes.includes(code)) codes.push(code);
  }
  return { codes, unknown };
}

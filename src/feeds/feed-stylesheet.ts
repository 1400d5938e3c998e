/**
 * The XSLT stylesheet that turns an RSS feed opened in a browser into a readable page: what a
 * feed is, how to follow it (the feed's own address, to copy), and the latest items as cards.
 * Feed readers ignore it, so the XML stays plain RSS 2.0. The page it makes has no inline
 * style or script (it links /feed.css), so a strict CSP on the feed keeps working.
 */
import { escapeXml } from './feeds.ts';

/** The words of the page, in the feed's language. */
export interface FeedPageText {
  lang: string;
  what: string;
  how: string;
  address: string;
  latest: string;
  visit: string;
}

/** The XSLT 1.0 document (browsers implement 1.0 only). */
export function feedStylesheet(text: FeedPageText, cssHref: string): string {
  const x = escapeXml;
  return `<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" exclude-result-prefixes="atom dc">
  <xsl:output method="html" version="5.0" encoding="UTF-8" indent="yes"/>
  <xsl:template match="/">
    <html lang="${x(text.lang)}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="/rss/channel/title"/></title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
        <link rel="stylesheet" href="${x(cssHref)}"/>
      </head>
      <body>
        <header class="feed-masthead"><div class="wrap"><a class="site-title" href="{/rss/channel/link}">${x(text.visit)}</a></div></header>
        <main class="wrap">
          <h1><xsl:value-of select="/rss/channel/title"/></h1>
          <p class="lead"><xsl:value-of select="/rss/channel/description"/></p>
          <section class="feed-about" aria-labelledby="feed-about">
            <h2 id="feed-about">${x(text.what)}</h2>
            <p>${x(text.how)}</p>
            <p><label for="feed-address">${x(text.address)}</label></p>
            <input id="feed-address" class="feed-address" type="text" readonly="readonly" value="{/rss/channel/atom:link[@rel='self']/@href}"/>
          </section>
          <h2>${x(text.latest)}</h2>
          <xsl:for-each select="/rss/channel/item">
            <article class="card">
              <h3 class="card-title"><a href="{link}"><xsl:value-of select="title"/></a></h3>
              <p class="card-meta">
                <span><xsl:value-of select="substring(pubDate, 6, 11)"/></span>
                <xsl:for-each select="category"><span><xsl:value-of select="."/></span></xsl:for-each>
                <span><xsl:for-each select="dc:creator"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:value-of select="."/></xsl:for-each></span>
              </p>
              <p class="card-summary"><xsl:value-of select="description"/></p>
            </article>
          </xsl:for-each>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
`;
}

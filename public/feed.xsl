<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shows the RSS feed as a readable page when a browser opens it: what a feed is, how to follow
  it, and the essays it carries. Feed readers ignore this. No inline styles or scripts, so the
  site's Content-Security-Policy holds; the stylesheet is feed.css beside the feed.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  exclude-result-prefixes="atom dc">
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>
  <xsl:template match="/rss/channel">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="color-scheme" content="light dark"/>
        <title><xsl:value-of select="title"/>: feed</title>
        <link rel="stylesheet" href="feed.css"/>
        <link rel="icon" href="favicon.svg" type="image/svg+xml"/>
      </head>
      <body>
        <main>
          <p class="kicker">RSS feed</p>
          <h1><xsl:value-of select="title"/></h1>
          <p class="lede"><xsl:value-of select="description"/></p>
          <div class="notice">
            <p>
              This is a feed: a feed reader (NetNewsWire, Feedly, Thunderbird and many others)
              follows it and shows each essay in full as it is published. To subscribe, give your
              reader this page’s address:
            </p>
            <p><code><xsl:value-of select="atom:link[@rel='self']/@href"/></code></p>
            <p>
              <a href="{link}">Go to the site</a>
            </p>
          </div>
          <h2>
            <xsl:value-of select="count(item)"/>
            <xsl:choose>
              <xsl:when test="count(item) = 1"> essay</xsl:when>
              <xsl:otherwise> essays</xsl:otherwise>
            </xsl:choose>
            in this feed
          </h2>
          <ol class="items">
            <xsl:for-each select="item">
              <li>
                <h3><a href="{link}"><xsl:value-of select="title"/></a></h3>
                <p class="byline">
                  <xsl:text>By </xsl:text><xsl:value-of select="dc:creator"/>
                  <xsl:if test="pubDate">
                    <xsl:text> · </xsl:text><xsl:value-of select="pubDate"/>
                  </xsl:if>
                </p>
                <p><xsl:value-of select="description"/></p>
                <p class="tags">
                  <xsl:for-each select="category">
                    <span><xsl:value-of select="."/></span>
                  </xsl:for-each>
                </p>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>

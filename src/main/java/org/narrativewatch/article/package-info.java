/** The article record every source produces and every engine stores: identity (normalised URL and language), outlet, dates with their quality, text. Entry type: {@link org.narrativewatch.article.Article}. */
package org.narrativewatch.article;

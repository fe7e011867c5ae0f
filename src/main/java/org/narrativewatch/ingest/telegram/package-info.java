/** Telegram Desktop channel exports (result.json), streamed: the channel is the outlet, each message an article with its formatted text flattened, forwards recorded as syndication of the original channel. Entry type: {@link org.narrativewatch.ingest.telegram.TelegramExportSource}. */
package org.narrativewatch.ingest.telegram;

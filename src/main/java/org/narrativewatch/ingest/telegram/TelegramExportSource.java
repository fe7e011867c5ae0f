package org.narrativewatch.ingest.telegram;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.narrativewatch.UserException;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;
import org.narrativewatch.ingest.ImportDefaults;
import org.narrativewatch.ingest.Source;
import org.narrativewatch.ingest.SourceRecord;
import org.narrativewatch.ingest.html.Languages;
import org.narrativewatch.ingest.html.Limits;

/**
 * Streams a Telegram Desktop export of one channel ({@code result.json}) message by message, in
 * constant memory whatever the size of the file.
 *
 * <ul>
 *   <li>outlet: {@code telegram:<channel name>}; a forward's {@code forwarded_from} becomes
 *       {@code syndicatedFrom = telegram:<original channel>}</li>
 *   <li>URL: {@code https://t.me/<username>/<id>} when the export names the channel's username,
 *       else {@code https://t.me/c/<channel id>/<id>}, Telegram's own address for a message of a
 *       channel by its numeric id (stable, and it opens for members)</li>
 *   <li>date: {@code date_unixtime} is the instant; the offset is that of the exporting machine,
 *       recovered from the local {@code date} beside it. Exports without {@code date_unixtime} give
 *       only the local time, read as UTC</li>
 *   <li>text: the {@code text} field, a string or an array of strings and entity objects
 *       ({@code {"type":"bold","text":…}}), flattened to plain text; the title is its first line</li>
 *   <li>service messages (channel created, pinned…) are passed over; a message with no text
 *       (a photo or video alone) is rejected with that reason</li>
 * </ul>
 * Positions are the 1-based index of the message in the export's list.
 */
public final class TelegramExportSource implements Source {

    private static final int TITLE_CHARS = 160;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final JsonParser parser;
    private String channelName;
    private String username;
    private String channelId;
    private boolean inMessages;
    private boolean sawMessages;
    private boolean done;
    private long index;
    private ImportDefaults defaults = ImportDefaults.none();

    public TelegramExportSource(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserException(file + ": no such file");
        }
        this.file = file;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(4 * Limits.MAX_DOCUMENT_CHARS)
                        .maxNestingDepth(64)
                        .build())
                .build();
        this.parser = factory.createParser(file.toFile());
        parser.setCodec(MAPPER);
    }

    /** True for what this source reads: a .json file (Telegram Desktop names it result.json). */
    public static boolean handles(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".json");
    }

    /** {@code nwatch import result.json}: {@code --group} and {@code --lang} of the import apply. */
    public static TelegramExportSource open(String path, ImportDefaults defaults) throws IOException {
        TelegramExportSource s = new TelegramExportSource(Path.of(path));
        s.defaults = defaults;
        return s;
    }

    /**
     * True when a .json file is a Telegram Desktop export rather than JSON lines: the export is one
     * pretty-printed object (its first line is a lone "{") with a "messages" list near the top.
     */
    public static boolean looksLikeExport(Path file) {
        byte[] head = new byte[64 * 1024];
        int n;
        try (var in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return false;
        }
        String text = new String(head, 0, n, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
        String firstLine = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("").trim();
        return firstLine.equals("{") && text.contains("\"messages\"");
    }

    @Override
    public String name() {
        return file.toString();
    }

    @Override
    public SourceRecord next() throws IOException {
        try {
            while (!done) {
                if (!inMessages) {
                    seekMessages();
                    if (done) {
                        return null;
                    }
                }
                JsonToken t = parser.nextToken();
                if (t == JsonToken.END_ARRAY) {
                    inMessages = false;
                    continue;
                }
                if (t != JsonToken.START_OBJECT) {
                    throw new UserException(file + " line " + parser.currentLocation().getLineNr()
                            + ": a message is not a JSON object");
                }
                index++;
                JsonNode message = parser.readValueAsTree();
                SourceRecord r;
                try {
                    r = toRecord(message);
                } catch (RuntimeException e) {
                    // an odd message (a date out of any range, a field of the wrong type) is refused alone
                    String id = message.path("id").asText("");
                    r = new SourceRecord.Rejected(file + ": message " + (id.isEmpty() ? "#" + index : id),
                            "unreadable message (" + (e.getMessage() == null ? e.getClass().getSimpleName()
                            : e.getMessage()) + ")", index);
                }
                if (r != null) {
                    return r;
                }
            }
            return null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // broken JSON cannot be resynchronised: report where, and end the stream
            done = true;
            long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            String msg = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage()
                    .replaceAll("\\s+", " ").replaceFirst(" ?\\(start marker at .*", "");
            String reason = e instanceof com.fasterxml.jackson.core.io.JsonEOFException
                    ? "the file ends early (" + msg + ") after " + index + " messages; everything before was read"
                    : "unreadable JSON from here on (" + msg + ")";
            index++;
            return new SourceRecord.Rejected(line > 0 ? file + ":" + line : file.toString(), reason, index, true);
        }
    }

    /** Reads the channel's fields up to the {@code messages} array (or the end of the file). */
    private void seekMessages() throws IOException {
        if (parser.currentToken() == null) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new UserException(file + ": not a Telegram export (the file is not a JSON object)");
            }
        }
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "name" -> channelName = parser.getValueAsString();
                case "username" -> username = parser.getValueAsString();
                case "id" -> channelId = parser.getValueAsString();
                case "messages" -> {
                    if (value != JsonToken.START_ARRAY) {
                        throw new UserException(file + ": 'messages' is not a list");
                    }
                    if (channelName == null) {
                        throw new UserException(file + ": not a channel export: 'name' must come before 'messages' "
                                + "(a full-account export holds several chats; export the channel alone)");
                    }
                    inMessages = true;
                    sawMessages = true;
                    return;
                }
                default -> parser.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT && t != null) {
            throw new UserException(file + ": unexpected JSON at line " + parser.currentLocation().getLineNr());
        }
        if (!sawMessages) {
            throw new UserException(file + ": not a Telegram channel export (no 'messages' list)");
        }
        done = true;
    }

    private SourceRecord toRecord(JsonNode m) {
        String id = m.path("id").asText("");
        String where = file + ": message " + (id.isEmpty() ? "#" + index : id);
        if (!"message".equals(m.path("type").asText("message"))) {
            return null;
        }
        if (id.isEmpty()) {
            return new SourceRecord.Rejected(where, "message has no id", index);
        }
        String text = flatten(m.get("text")).strip();
        if (text.isEmpty()) {
            return new SourceRecord.Rejected(where, "no text (media only)", index);
        }
        if (text.length() > Limits.MAX_DOCUMENT_CHARS) {
            return new SourceRecord.Rejected(where, "text of " + text.length() + " characters exceeds the cap of "
                    + Limits.MAX_DOCUMENT_CHARS, index);
        }
        OffsetDateTime published;
        try {
            published = date(m);
        } catch (IllegalArgumentException e) {
            return new SourceRecord.Rejected(where, e.getMessage(), index);
        }
        String url = username != null && !username.isBlank()
                ? "https://t.me/" + username.replaceFirst("^@", "") + "/" + id
                : "https://t.me/c/" + (channelId == null ? "unknown" : channelId) + "/" + id;
        String forwarded = m.hasNonNull("forwarded_from") ? "telegram:" + m.get("forwarded_from").asText() : null;
        String outlet = "telegram:" + channelName;
        return new SourceRecord.Parsed(new Article(url, outlet, defaults.groupFor(outlet, null), published,
                DateQuality.EXACT, Languages.resolve(defaults.lang(), text), title(text), text, forwarded), index, where);
    }

    private static OffsetDateTime date(JsonNode m) {
        String local = m.path("date").asText(null);
        String unix = m.path("date_unixtime").asText(null);
        LocalDateTime ldt = null;
        if (local != null) {
            try {
                ldt = LocalDateTime.parse(local);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("unreadable date '" + local + "'");
            }
        }
        if (unix != null && !unix.isBlank()) {
            Instant instant;
            try {
                instant = Instant.ofEpochSecond(Long.parseLong(unix.trim()));
            } catch (NumberFormatException | java.time.DateTimeException e) {
                throw new IllegalArgumentException("unreadable date_unixtime '" + unix + "'");
            }
            ZoneOffset offset = ZoneOffset.UTC;
            if (ldt != null) {
                long diff = ldt.toEpochSecond(ZoneOffset.UTC) - instant.getEpochSecond();
                if (Math.abs(diff) <= 18 * 3600 && diff % 900 == 0) {
                    offset = ZoneOffset.ofTotalSeconds((int) diff);
                }
            }
            return instant.atOffset(offset);
        }
        if (ldt == null) {
            throw new IllegalArgumentException("no date");
        }
        return ldt.atOffset(ZoneOffset.UTC);
    }

    /** The plain text of a {@code text} field: a string, or an array of strings and entity objects. */
    static String flatten(JsonNode text) {
        if (text == null || text.isNull()) {
            return "";
        }
        if (text.isTextual()) {
            return text.asText();
        }
        StringBuilder out = new StringBuilder();
        if (text.isArray()) {
            for (JsonNode part : text) {
                if (part.isTextual()) {
                    out.append(part.asText());
                } else if (part.isObject()) {
                    out.append(flatten(part.get("text")));
                }
            }
        }
        return out.toString();
    }

    private static String title(String text) {
        String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        if (first.length() <= TITLE_CHARS) {
            return first;
        }
        int cut = first.lastIndexOf(' ', TITLE_CHARS);
        return first.substring(0, cut > TITLE_CHARS / 2 ? cut : TITLE_CHARS) + "…";
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}

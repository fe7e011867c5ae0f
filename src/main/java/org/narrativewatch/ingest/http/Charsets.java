package org.narrativewatch.ingest.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns fetched or archived bytes into text when the declared charset may be wrong or missing.
 *
 * <p>Written here rather than taken from ROME's XmlReader or jsoup because both follow the
 * declarations literally (RFC 3023: the HTTP header wins), and Russian-language sites often
 * serve UTF-8 under a stale {@code charset=windows-1251} header or the reverse, which turns every
 * Cyrillic word into mojibake without an error. The order here: a byte-order mark; then strict
 * UTF-8 (windows-1251 or KOI8-R Cyrillic is practically never valid UTF-8, so a document that
 * decodes cleanly is UTF-8); then the document's own declaration (XML prolog or HTML meta);
 * then the HTTP header; then windows-1251, the legacy charset of Russian and Ukrainian sites.
 */
public final class Charsets {
    private Charsets() {}

    /** A legacy single-byte charset every JDK has; the last resort for Cyrillic sites. */
    public static final Charset FALLBACK = Charset.forName("windows-1251");

    private static final Pattern XML_ENCODING =
            Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern META_CHARSET =
            Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    /** Decodes {@code bytes}; {@code headerCharset} is what the transport claimed (may be null). */
    public static String decode(byte[] bytes, String headerCharset) {
        int bomLength = 0;
        Charset charset = null;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            bomLength = 3;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            bomLength = 2;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            bomLength = 2;
        }
        if (charset != null) {
            return new String(bytes, bomLength, bytes.length - bomLength, charset);
        }
        String utf8 = strictUtf8(bytes);
        if (utf8 != null) {
            return utf8;
        }
        charset = declared(bytes);
        if (charset == null) {
            charset = lookup(headerCharset);
        }
        if (charset == null || charset.equals(StandardCharsets.UTF_8)) {
            // declared UTF-8 but not valid UTF-8: the declaration is wrong
            charset = FALLBACK;
        }
        return new String(bytes, charset);
    }

    /** The charset parameter of a Content-Type value, or null. */
    public static String fromContentType(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return p.substring(8).replace("\"", "").replace("'", "").trim();
            }
        }
        return null;
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The encoding an XML prolog or an HTML meta tag in the first 2 KB names. */
    private static Charset declared(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1);
        Matcher m = XML_ENCODING.matcher(head);
        if (m.find()) {
            return lookup(m.group(1));
        }
        m = META_CHARSET.matcher(head);
        return m.find() ? lookup(m.group(1)) : null;
    }

    private static Charset lookup(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

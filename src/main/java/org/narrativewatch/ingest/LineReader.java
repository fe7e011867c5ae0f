package org.narrativewatch.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipException;

/**
 * Reads a byte stream line by line, decoding each line on its own as strict UTF-8, so that one line
 * with bad bytes is rejected alone instead of being silently mangled (which a Reader with the
 * default REPLACE action would do) or ending the file. Lines longer than {@code maxLine} bytes are
 * skipped whole and reported. A line ends at LF, CRLF or a lone CR (files from old Mac tools), so a
 * CR-only file is not read as one line.
 */
final class LineReader implements AutoCloseable {

    /**
     * One line: its 1-based number and its text, or the reason it could not be read.
     *
     * @param fatal       the stream broke here (truncated, corrupt, unreadable): nothing follows
     * @param unterminated the file's last line, with no line end after it: if it cannot be read,
     *                     the file was most likely cut inside it
     */
    record Line(long number, String text, String error, boolean fatal, boolean unterminated) {
        Line(long number, String text, String error) {
            this(number, text, error, false, false);
        }

        Line(long number, String text, String error, boolean fatal) {
            this(number, text, error, fatal, false);
        }
    }

    private final InputStream in;
    private final int maxLine;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] buf = new byte[8192];
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkLen;
    private long number;
    private boolean eof;
    /** the previous line ended with CR: an LF right after it belongs to that line end */
    private boolean afterCr;

    LineReader(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /** The next line, or null at the end. A truncated or corrupt compressed stream ends with an error line. */
    Line next() {
        if (eof) {
            return null;
        }
        int len = 0;
        boolean tooLong = false;
        while (true) {
            if (chunkPos == chunkLen) {
                try {
                    chunkLen = in.read(chunk);
                } catch (EOFException | ZipException e) {
                    eof = true;
                    return new Line(number + 1, null, "the file ends early or is corrupt ("
                            + (e.getMessage() == null ? "unexpected end of data" : e.getMessage())
                            + "); everything before this line was read", true);
                } catch (IOException e) {
                    eof = true;
                    return new Line(number + 1, null, "read error: " + (e.getMessage() == null
                            ? e.getClass().getSimpleName() : e.getMessage()), true);
                }
                chunkPos = 0;
                if (chunkLen <= 0) {
                    eof = true;
                    if (len == 0 && !tooLong) {
                        return null;
                    }
                    Line last = finish(len, tooLong);
                    return new Line(last.number(), last.text(), last.error(), false, true);
                }
            }
            byte b = chunk[chunkPos++];
            if (afterCr) {
                afterCr = false;
                if (b == '\n') {
                    continue; // the LF of a CRLF
                }
            }
            if (b == '\n') {
                return finish(len, tooLong);
            }
            if (b == '\r') {
                afterCr = true;
                return finish(len, tooLong);
            }
            if (tooLong) {
                continue;
            }
            if (len == maxLine) {
                tooLong = true;
                continue;
            }
            if (len == buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.min(maxLine, buf.length * 2));
            }
            buf[len++] = b;
        }
    }

    private Line finish(int len, boolean tooLong) {
        number++;
        if (tooLong) {
            return new Line(number, null, "line longer than " + maxLine + " bytes");
        }
        int start = 0;
        if (number == 1 && len >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
            start = 3; // UTF-8 byte order mark
        }
        try {
            return new Line(number, decoder.decode(ByteBuffer.wrap(buf, start, len - start)).toString(), null);
        } catch (CharacterCodingException e) {
            return new Line(number, null, "not valid UTF-8");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

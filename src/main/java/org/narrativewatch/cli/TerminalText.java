package org.narrativewatch.cli;

/**
 * Makes text from articles, feeds and files safe to print on a terminal. Escape sequences in a
 * title (ESC[2J clears the screen, OSC 0 sets the window title, OSC 52 writes the clipboard) are
 * printed as visible {@code \x1b}-style escapes instead of being obeyed, as are the other C0 and
 * C1 controls and the bidirectional overrides that can reorder what a line appears to say.
 */
final class TerminalText {
    private TerminalText() {}

    /** {@code s} with every control character written as a visible escape; line breaks become spaces. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = null;
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                rep = " ";
            } else if ((c < 0x20 && c != '\t') || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
                rep = String.format(java.util.Locale.ROOT, "\\x%02x", (int) c);
            } else if ((c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
                rep = String.format(java.util.Locale.ROOT, "\\u%04x", (int) c);
            }
            if (rep != null && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                out.append(rep != null ? rep : String.valueOf(c));
            }
        }
        return out == null ? s : out.toString();
    }
}

package org.narrativewatch.brief;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads a brief: YAML front matter, then CommonMark whose fenced code blocks with the info string {@code figure}
 * hold one figure each (YAML). The Markdown is parsed once by commonmark-java, so the blocks the checker evaluates
 * are exactly the blocks the renderer replaces. A bad block becomes a {@link FigureSpec} with a problem naming
 * FILE:LINE and the figure; only a file that is not a brief at all throws {@link BriefException}.
 */
public final class BriefParser {
    private BriefParser() {}

    /** The figure kinds; a block holds exactly one of them. */
    public static final List<String> KINDS = List.of("media", "territory", "scenario", "poll", "series", "leadlag");
    /** Keys a block may hold besides its kind. */
    static final Set<String> COMMON_KEYS = Set.of("id", "expect", "title", "note");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,79}");
    /** A brief is prose with a few dozen figures; anything far larger is not one. */
    static final long MAX_BYTES = 4L << 20;

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public static Brief read(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new BriefException(file + ": " + Files.size(file) + " bytes: too large for a brief (at most " + MAX_BYTES + ")");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BriefException(file + ": no such file");
        } catch (IOException e) {
            throw new BriefException(file + ": cannot read: " + e.getMessage(), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BriefException(file + ": not UTF-8 text, so not a brief");
        }
        if (text.indexOf('\0') >= 0) {
            throw new BriefException(file + ": holds NUL bytes, so not a brief");
        }
        return parse(file, text);
    }

    /** Parses {@code text} as the brief {@code file} (which need not exist: the server renders uploads too). */
    public static Brief parse(Path file, String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = text.lines().toList();
        FrontMatter front = FrontMatter.NONE;
        String markdown = text;
        if (!lines.isEmpty() && lines.get(0).strip().equals("---")) {
            int end = -1;
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).strip().equals("---") || lines.get(i).strip().equals("...")) {
                    end = i;
                    break;
                }
            }
            if (end < 0) {
                throw new BriefException(file + ":1: front matter opened with '---' is never closed");
            }
            front = frontMatter(file, String.join("\n", lines.subList(1, end)));
            // blank the front matter out, keeping its lines, so Markdown line numbers are the file's
            StringBuilder b = new StringBuilder();
            for (int i = 0; i <= end; i++) {
                b.append('\n');
            }
            for (int i = end + 1; i < lines.size(); i++) {
                b.append(lines.get(i)).append('\n');
            }
            markdown = b.toString();
        }
        Node document = markdownParser().parse(markdown);
        List<FigureSpec> figures = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                if (isFigure(block)) {
                    FigureSpec f = figure(file, block, ids);
                    figures.add(f);
                }
            }
        });
        if (figures.isEmpty()) {
            throw new BriefException(file + ": no ```figure blocks: nothing to check (see docs/briefs.md)");
        }
        return new Brief(file, text, front, figures, markdown);
    }

    static Parser markdownParser() {
        return Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    }

    static boolean isFigure(FencedCodeBlock block) {
        String info = block.getInfo() == null ? "" : block.getInfo().strip();
        return info.equals("figure") || info.startsWith("figure ");
    }

    /** 1-based line of the block's opening fence. */
    static int line(Node block) {
        return block.getSourceSpans().isEmpty() ? 0 : block.getSourceSpans().get(0).getLineIndex() + 1;
    }

    private static FigureSpec figure(Path file, FencedCodeBlock block, Set<String> ids) {
        int line = line(block);
        int bodyLine = line + 1;
        String yaml = block.getLiteral() == null ? "" : block.getLiteral();
        String fallbackId = "figure@" + line;
        String at = file + ":" + line;
        if (block.getClosingFenceLength() == null) {
            return bad(fallbackId, line, bodyLine, yaml, at + ": figure block is never closed (a line of ``` ends it)");
        }
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            int yamlLine = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr() - 1);
            String msg = e.getOriginalMessage().lines().findFirst().orElse("malformed YAML");
            return bad(idIn(yaml, fallbackId), line, bodyLine, yaml, file + ":" + (bodyLine + yamlLine) + ": figure '"
                    + idIn(yaml, fallbackId) + "': malformed YAML: " + msg);
        } catch (IOException e) {
            return bad(fallbackId, line, bodyLine, yaml, at + ": figure: cannot read the block: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            return bad(fallbackId, line, bodyLine, yaml, at + ": a figure block holds YAML keys (id, one kind, expect), not "
                    + (root == null || root.isMissingNode() ? "nothing" : root.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        JsonNode idNode = root.get("id");
        if (idNode == null || !idNode.isValueNode() || idNode.asText().isBlank()) {
            return spec(fallbackId, null, root, line, bodyLine, yaml, at + ": figure has no 'id' (a short name such as alaska-spike)");
        }
        String id = idNode.asText().strip();
        if (!ID.matcher(id).matches()) {
            return spec(fallbackId, null, root, line, bodyLine, yaml, at + ": figure id '" + id
                    + "' must be letters, digits, '-' or '_' (at most 80)");
        }
        if (!ids.add(id)) {
            return spec(id + "@" + line, null, root, line, bodyLine, yaml, at + ": figure '" + id + "': id already used above");
        }
        List<String> kinds = new ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (KINDS.contains(k)) {
                kinds.add(k);
            } else if (!COMMON_KEYS.contains(k)) {
                FigureSpec tmp = new FigureSpec(id, null, null, null, root, line, bodyLine, yaml, null);
                return spec(id, null, root, line, bodyLine, yaml, file + ":" + tmp.lineOf(k) + ": figure '" + id
                        + "': unknown key '" + k + "' (a figure has id, one of " + KINDS + ", expect, title, note)");
            }
        }
        if (kinds.size() != 1) {
            return spec(id, null, root, line, bodyLine, yaml, at + ": figure '" + id + "': "
                    + (kinds.isEmpty() ? "no kind: give one of " + KINDS : "two kinds " + kinds + ": one figure, one kind"));
        }
        String kind = kinds.get(0);
        JsonNode body = root.get(kind);
        if (body == null || !body.isObject()) {
            return spec(id, kind, root, line, bodyLine, yaml, file + ":" + line + ": figure '" + id + "': '" + kind
                    + "' must hold keys, e.g. " + kind + ": {...}");
        }
        JsonNode expect = root.get("expect");
        if (expect != null && !expect.isObject()) {
            FigureSpec tmp = new FigureSpec(id, kind, body, null, root, line, bodyLine, yaml, null);
            return spec(id, kind, root, line, bodyLine, yaml, file + ":" + tmp.lineOf("expect") + ": figure '" + id
                    + "': expect must hold keys, e.g. expect: {min: 1}");
        }
        return new FigureSpec(id, kind, body, expect, root, line, bodyLine, yaml, null);
    }

    private static FigureSpec spec(String id, String kind, JsonNode root, int line, int bodyLine, String yaml, String problem) {
        return new FigureSpec(id, kind, kind == null ? null : root.get(kind), root.get("expect"), root, line, bodyLine, yaml, problem);
    }

    private static FigureSpec bad(String id, int line, int bodyLine, String yaml, String problem) {
        return new FigureSpec(id, null, null, null, null, line, bodyLine, yaml, problem);
    }

    /** The id written on an {@code id:} line of a block whose YAML does not parse, for the message. */
    private static String idIn(String yaml, String fallback) {
        for (String l : yaml.lines().toList()) {
            var m = java.util.regex.Pattern.compile("^\\s*id\\s*:\\s*['\"]?([A-Za-z0-9_-]+)").matcher(l);
            if (m.find()) {
                return m.group(1);
            }
        }
        return fallback;
    }

    private static FrontMatter frontMatter(Path file, String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new BriefException(file + ": front matter is not YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return FrontMatter.NONE;
        }
        if (!root.isObject()) {
            throw new BriefException(file + ":2: front matter must hold keys (title, data, index, events)");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!Set.of("title", "data", "index", "events").contains(k)) {
                throw new BriefException(file + ": front matter: unknown key '" + k + "' (title, data, index, events)");
            }
        }
        List<FrontMatter.Event> events = new ArrayList<>();
        JsonNode ev = root.path("events");
        if (!ev.isMissingNode()) {
            if (!ev.isArray()) {
                throw new BriefException(file + ": front matter: events must be a list of {date, label}");
            }
            for (int i = 0; i < ev.size(); i++) {
                JsonNode e = ev.get(i);
                try {
                    events.add(new FrontMatter.Event(LocalDate.parse(e.path("date").asText("").strip()), e.path("label").asText("")));
                } catch (java.time.DateTimeException x) {
                    throw new BriefException(file + ": front matter: events[" + i + "].date '" + e.path("date").asText("")
                            + "' is not a date (YYYY-MM-DD)");
                }
            }
        }
        return new FrontMatter(text(root, "title"), text(root, "data"), text(root, "index"), events);
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }
}

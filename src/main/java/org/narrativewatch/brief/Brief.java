package org.narrativewatch.brief;

import java.nio.file.Path;
import java.util.List;
import org.commonmark.node.Node;

/**
 * A parsed brief: the file, its text, its front matter, its figures in file order and its Markdown (front matter
 * blanked out so that line numbers stay those of the file).
 */
public record Brief(Path file, String source, FrontMatter front, List<FigureSpec> figures, String markdown) {
    public Brief {
        figures = List.copyOf(figures);
    }

    /** The file's folder: relative paths in the brief start there. */
    public Path folder() {
        Path abs = file.toAbsolutePath().normalize();
        return abs.getParent() == null ? abs : abs.getParent();
    }

    /** A fresh Markdown tree of the brief (renderers change theirs), with block source spans. */
    public Node document() {
        return BriefParser.markdownParser().parse(markdown);
    }

    public String title() {
        if (front.title() != null && !front.title().isBlank()) {
            return front.title();
        }
        for (String l : source.lines().toList()) {
            if (l.startsWith("# ")) {
                return l.substring(2).strip();
            }
        }
        return file.getFileName().toString();
    }
}

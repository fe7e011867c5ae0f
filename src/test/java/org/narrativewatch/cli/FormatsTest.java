package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --format}: one word means one output in every command; {@code table} is {@code text}; picocli checks. */
class FormatsTest {

    private static Object parsed(String... args) {
        CommandLine cl = Main.commandLine();
        CommandLine.ParseResult r = cl.parseArgs(args);
        while (r.hasSubcommand()) {
            r = r.subcommand();
        }
        return r.commandSpec().userObject();
    }

    @Test
    void tableIsTextAndCaseDoesNotMatter() {
        for (String word : List.of("text", "table", "TEXT", "Table")) {
            assertEquals(Formats.TextCsvJson.TEXT, ((TimelineCommand) parsed("timeline", "q", "--format", word)).format, word);
            assertEquals(Formats.TextJson.TEXT, ((SearchCommand) parsed("search", "q", "--format", word)).format, word);
            assertEquals(Formats.TextCsvJson.TEXT, ((ShiftsCommand) parsed("shifts", "q", "--format", word)).format, word);
            assertEquals(Formats.TextJson.TEXT, ((StatsCommand) parsed("stats", "--format", word)).format, word);
            assertEquals(TerritoryCommand.ScenarioFormat.TEXT,
                    ((TerritoryCommand.ScenarioCmd) parsed("territory", "scenario", "f.yaml", "--data", "d", "--date", "2025-01-01",
                            "--format", word)).format, word);
        }
        assertEquals(Formats.TextCsvJson.JSON, ((TimelineCommand) parsed("timeline", "q", "--format", "json")).format);
        assertEquals(OpinionListCommand.ListFormat.TIMELINE, ((OpinionListCommand) parsed("opinion", "list", "--format", "timeline")).format);
    }

    @Test
    void aWrongFormatIsAUsageErrorNamingTheChoices() {
        for (List<String> args : List.of(List.of("timeline", "q", "--format", "xml"), List.of("search", "q", "--format", "csv"),
                List.of("opinion", "shifts", "s", "--format", "geojson"), List.of("territory", "series", "--data", "d", "--format", "text"))) {
            StringWriter err = new StringWriter();
            CommandLine cl = Main.commandLine();
            cl.setErr(new PrintWriter(err));
            cl.setOut(new PrintWriter(new StringWriter()));
            assertEquals(2, Main.execute(cl, args.toArray(String[]::new)), args.toString());
            assertTrue(err.toString().startsWith("Invalid value for option '--format': expected one of "), err.toString());
        }
    }

    @Test
    void enumOptionsArePicocliChecked() {
        assertEquals(org.narrativewatch.timeline.Bucketing.MONTH, ((TimelineCommand) parsed("timeline", "q", "--by", "month")).by);
        assertEquals(org.narrativewatch.index.Engine.CountUnit.STORIES, ((TimelineCommand) parsed("timeline", "q", "--count", "stories")).count);
        assertEquals(org.narrativewatch.index.Engine.HitOrder.RELEVANCE, ((SearchCommand) parsed("search", "q", "--sort", "relevance")).sort);
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        assertEquals(2, Main.execute(cl, "timeline", "q", "--count", "words"));
        assertTrue(err.toString().contains("--count"), err.toString());
    }
}

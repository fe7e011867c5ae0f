package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.narrativewatch.index.Selection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options built in code (OptionModel, for the one-shot timeline call) are the options picocli reads from the
 * annotations: every attribute of EngineOptions' and SelectionOptions' options, the standard help options, the
 * command names Main looks up without reading annotations, and the timeline's help text as it was when it was
 * annotated.
 */
class OptionModelTest {

    /** What picocli's model says of one option, as text: everything help, parsing and errors read. */
    static String describe(OptionSpec o) {
        return String.join(" | ", Arrays.toString(o.names()), o.paramLabel(), Arrays.toString(o.description()),
                String.valueOf(o.descriptionKey()), String.valueOf(o.defaultValue()), String.valueOf(o.type()),
                Arrays.toString(o.auxiliaryTypes()), String.valueOf(o.arity()), o.splitRegex(), String.valueOf(o.required()),
                String.valueOf(o.hidden()), String.valueOf(o.showDefaultValue()), String.valueOf(o.usageHelp()),
                String.valueOf(o.versionHelp()), String.valueOf(o.negatable()), String.valueOf(o.fallbackValue()),
                String.valueOf(o.order()), String.valueOf(o.interactive()), String.valueOf(o.completionCandidates()),
                String.valueOf(o.initialValue()), String.valueOf(o.hasInitialValue()), String.valueOf(o.inherited()),
                String.valueOf(o.scopeType()), Arrays.toString(Arrays.stream(o.converters()).map(c -> c.getClass()).toArray()));
    }

    static List<String> describe(List<OptionSpec> options) {
        List<String> out = new ArrayList<>();
        options.forEach(o -> out.add(describe(o)));
        return out;
    }

    @Test
    void theMixinsBuiltInCodeAreTheAnnotatedOnes() {
        CommandSpec engine = CommandSpec.create();
        EngineOptions.addTo(engine, new EngineOptions());
        assertEquals(describe(CommandSpec.forAnnotatedObject(new EngineOptions()).options()), describe(engine.options()));
        CommandSpec selection = CommandSpec.create();
        SelectionOptions.addTo(selection, new SelectionOptions());
        assertEquals(describe(CommandSpec.forAnnotatedObject(new SelectionOptions()).options()), describe(selection.options()));
    }

    @Command(mixinStandardHelpOptions = true)
    static final class Standard {}

    @Test
    void theStandardHelpOptionsAreMixinStandardHelpOptions() {
        CommandSpec built = CommandSpec.create();
        OptionModel.standardHelpOptions(built);
        assertEquals(describe(CommandSpec.forAnnotatedObject(new Standard()).options()), describe(built.options()));
    }

    @Test
    void theCommandsAreFoundByTheirAnnotatedNames() {
        for (Map.Entry<String, Class<?>> e : Main.COMMANDS.entrySet()) {
            if (e.getValue() != TimelineCommand.class) {
                assertEquals(e.getKey(), e.getValue().getAnnotation(Command.class).name());
            }
            assertSame(e.getKey().equals("help") ? null : e.getValue(), Main.chosenCommand(new String[] {e.getKey(), "x"}));
        }
        assertEquals(List.copyOf(Main.COMMANDS.keySet()), List.copyOf(Main.commandLine().getSubcommands().keySet()),
                "nwatch --help lists the commands in this order");
        assertNull(Main.chosenCommand(new String[] {"-V"}));
        assertNull(Main.chosenCommand(new String[0]));
    }

    @Test
    void timelineHelpIsUnchanged() throws Exception {
        Assumptions.assumeTrue(System.getenv("NWATCH_INDEX") == null && System.getenv("NWATCH_ENGINE") == null
                && System.getenv("NWATCH_OPENSEARCH_URL") == null, "the defaults shown come from the environment");
        String want;
        try (InputStream in = OptionModelTest.class.getResourceAsStream("timeline-help.txt")) {
            want = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String[] args : List.of(new String[] {"timeline", "--help"}, new String[] {"help", "timeline"})) {
            CommandLine cl = Main.commandLine(args);
            StringWriter out = new StringWriter();
            cl.setOut(new PrintWriter(out));
            assertEquals(0, Main.execute(cl, args));
            assertEquals(want, out.toString(), String.join(" ", args));
        }
    }

    @Test
    void optionsReachTheCommandAsBefore() {
        CommandLine cl = Main.commandLine(new String[] {"timeline"});
        CommandLine.ParseResult r = cl.parseArgs("timeline", "-путин", "--outlet", "a,b", "--outlet", "c", "--lang", "ru",
                "--from", "2022-01-01", "--by", "WEEK", "--format", "table", "--index", "/x");
        TimelineCommand t = (TimelineCommand) r.subcommand().commandSpec().userObject();
        assertEquals("-путин", t.query);
        assertEquals(org.narrativewatch.timeline.Bucketing.WEEK, t.by);
        assertEquals(Formats.TextCsvJson.TEXT, t.format);
        assertEquals(org.narrativewatch.index.Engine.CountUnit.ARTICLES, t.count);
        assertEquals("/x", t.engineOptions.index.toString());
        assertEquals("lucene", t.engineOptions.engine);
        Selection s = t.selectionOptions.selection();
        assertEquals(Set.of("a", "b", "c"), s.outlets());
        assertEquals(Set.of("ru"), s.langs());
        assertEquals(java.time.LocalDate.of(2022, 1, 1), s.from());
        assertTrue(s.groups().isEmpty());
    }
}

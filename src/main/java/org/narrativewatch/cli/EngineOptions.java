package org.narrativewatch.cli;

import java.nio.file.Path;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.LuceneEngine;
import picocli.CommandLine.Option;

/** Which engine a command talks to: mixed into every command that reads or writes the corpus. */
public final class EngineOptions {

    @Option(names = "--index", paramLabel = "DIR",
            description = "Embedded index folder (default: ${DEFAULT-VALUE}; env NWATCH_INDEX).",
            defaultValue = "${env:NWATCH_INDEX:-data/index}")
    public Path index;

    public Engine open() {
        return LuceneEngine.open(index);
    }
}

package org.narrativewatch.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * A benchmark section that is not about a corpus (e.g. change-point detectors on synthetic series):
 * {@link CompareCommand} runs every registered suite after the corpora and appends its rows to the table.
 */
interface Suite {

    String name();

    /** @param smoke the short CI mode: fewer sizes and repeats */
    List<Row> run(Path work, boolean smoke, int repeats) throws Exception;
}

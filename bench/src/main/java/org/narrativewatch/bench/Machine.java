package org.narrativewatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The machine a run was made on, as the table's footnote: figures mean little without it. */
record Machine(Map<String, String> facts) {

    static Machine describe(Path work) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("CPU", firstMatch("/proc/cpuinfo", "model name"));
        f.put("cores (nproc)", Integer.toString(Runtime.getRuntime().availableProcessors()));
        f.put("RAM", firstMatch("/proc/meminfo", "MemTotal"));
        f.put("disk (scratch folder)", sh("df -h --output=source,fstype,size,avail " + Exec.q(work) + " | tail -1"));
        f.put("load average at start", loadAverage());
        f.put("kernel", sh("uname -sr"));
        f.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        f.put("PostgreSQL", sh("/usr/lib/postgresql/15/bin/postgres --version 2>/dev/null || echo absent"));
        f.put("ripgrep", sh("rg --version 2>/dev/null | head -1 || echo absent"));
        return new Machine(f);
    }

    String markdown() {
        StringBuilder sb = new StringBuilder("Machine:\n\n");
        facts.forEach((k, v) -> sb.append("- ").append(k).append(": ").append(v).append('\n'));
        sb.append("- load average at end: ").append(loadAverage()).append('\n');
        return sb.toString();
    }

    /** The 1-, 5- and 15-minute load averages, "1.21 1.80 2.02" ("unknown" off Linux). */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }

    private static String firstMatch(String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux: say so below
        }
        return "unknown";
    }

    private static String sh(String cmd) {
        try {
            Exec.Result r = Exec.bash(cmd);
            return r.exit() == 0 ? r.out().trim() : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }
}

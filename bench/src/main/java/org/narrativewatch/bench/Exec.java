package org.narrativewatch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs an external command to completion and times it from the outside (wall clock, start to exit). */
final class Exec {
    private Exec() {}

    /** What a finished command left: exit code, its output, and how long it took. */
    record Result(int exit, String out, String err, long nanos) {
        double millis() {
            return nanos / 1e6;
        }

        Result check(List<String> cmd) {
            if (exit != 0) {
                throw new IllegalStateException("command failed (exit " + exit + "): " + String.join(" ", cmd)
                        + "\n" + tail(err) + tail(out));
            }
            return this;
        }

        private static String tail(String s) {
            return s.length() > 2000 ? "..." + s.substring(s.length() - 2000) : s;
        }
    }

    static Result run(List<String> cmd) throws IOException {
        return run(cmd, null);
    }

    /** Runs {@code cmd} with stdin from {@code stdin} (or nothing), capturing stdout and stderr via temp files. */
    static Result run(List<String> cmd, Path stdin) throws IOException {
        Path out = Files.createTempFile("bench-out", ".txt");
        try {
            Result r = runTo(cmd, out, stdin);
            return new Result(r.exit(), Files.readString(out, StandardCharsets.UTF_8), r.err(), r.nanos());
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Runs {@code cmd} with its standard output going to {@code out} (for outputs too big to hold); Result.out is empty. */
    static Result runTo(List<String> cmd, Path out) throws IOException {
        return runTo(cmd, out, null);
    }

    private static Result runTo(List<String> cmd, Path out, Path stdin) throws IOException {
        Path err = Files.createTempFile("bench-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(stdin == null ? new java.io.File("/dev/null") : stdin.toFile()));
            long t0 = System.nanoTime();
            Process p = pb.start();
            int code;
            try {
                code = p.waitFor();
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running " + cmd, e);
            }
            return new Result(code, "", Files.readString(err, StandardCharsets.UTF_8), System.nanoTime() - t0);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    static Result bash(String script) throws IOException {
        return run(List.of("bash", "-c", script));
    }

    /** Quotes one word for bash. */
    static String q(Object s) {
        return "'" + s.toString().replace("'", "'\\''") + "'";
    }
}

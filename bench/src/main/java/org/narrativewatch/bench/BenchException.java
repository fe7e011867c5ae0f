package org.narrativewatch.bench;

/** A problem with the benchmark's input or set-up, reported as one line ("bench: ...") without a stack trace. */
public final class BenchException extends RuntimeException {
    public BenchException(String message) {
        super(message);
    }
}

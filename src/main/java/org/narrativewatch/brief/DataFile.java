package org.narrativewatch.brief;

/** A file a figure read, with its SHA-256 and size, so a reader can tell whether the data changed since. */
public record DataFile(String path, String sha256, long bytes) {}

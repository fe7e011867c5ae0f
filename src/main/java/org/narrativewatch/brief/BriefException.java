package org.narrativewatch.brief;

import org.narrativewatch.UserException;

/** The file cannot be read as a brief at all (missing, not text, bad front matter, no figures): exit code 2. */
public final class BriefException extends UserException {
    public BriefException(String message) {
        super(message);
    }

    public BriefException(String message, Throwable cause) {
        super(message, cause);
    }
}

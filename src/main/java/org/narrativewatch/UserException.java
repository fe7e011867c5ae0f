package org.narrativewatch;

/**
 * An error the user can fix (a bad query, a missing file, a bad date, a record that cannot be read).
 * Every layer throws it; the CLI prints its message as one line and exits with code 1, the server
 * answers 400. The message names what is wrong and where (file and line, field, query column).
 */
public class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.narrativewatch.server;

/** An answer other than 200 that the API gives on purpose: the status and a message for the user. */
final class ApiException extends RuntimeException {
    final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }
}

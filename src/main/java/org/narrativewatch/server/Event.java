package org.narrativewatch.server;

import java.time.LocalDate;

/**
 * A dated event drawn on the charts (a battle, a round of talks, a decree).
 *
 * @param id    stable handle for deletion, unique within the store
 * @param kind  a short free label used for colour and filtering: war, talks, politics, ...
 */
public record Event(String id, LocalDate date, String label, String kind) {}

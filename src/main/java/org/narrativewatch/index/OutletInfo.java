package org.narrativewatch.index;

import java.time.LocalDate;

public record OutletInfo(String outlet, String group, long articles, LocalDate from, LocalDate to) {}

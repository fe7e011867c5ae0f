package org.narrativewatch.brief;

import java.util.Set;

/**
 * One kind of figure (media, territory, scenario, poll, series, leadlag): the keys its body may hold and how it is
 * computed. A kind throws {@link org.narrativewatch.UserException} (naming FILE:LINE through {@link Keys}) when the
 * figure cannot be computed; the checker turns that into an unknown claim and goes on with the next figure.
 */
interface FigureKind {
    String name();

    Set<String> keys();

    Computed compute(Keys body, BriefContext ctx);
}

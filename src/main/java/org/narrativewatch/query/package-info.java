/** The query language: a parser from text to a small AST of our own, which each engine compiles to its own queries, so both count the same thing. Entry type: {@link org.narrativewatch.query.QueryParser}. */
package org.narrativewatch.query;

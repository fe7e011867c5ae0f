/** The nwatch command line: one picocli command class per command, argument groups shared as mixins. Entry type: {@link org.narrativewatch.cli.Main}. */
package org.narrativewatch.cli;

package org.narrativewatch.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * What {@code --format} takes, one word for one kind of output in every command: {@code text} is for a person to
 * read (tables, lists, summaries; {@code table} is accepted for it, as several commands called it), {@code csv}
 * and {@code json} are the wire formats of the result ({@code *Format} classes beside each result type). Picocli
 * checks the value; a wrong one is a usage error naming the choices.
 */
final class Formats {
    private Formats() {}

    enum TextJson {
        TEXT, JSON;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    enum TextCsvJson {
        TEXT, CSV, JSON;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    enum CsvJson {
        CSV, JSON;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A format word to its constant: lower-case names, {@code table} for {@code text}. */
    abstract static class Converter<E extends Enum<E>> implements CommandLine.ITypeConverter<E> {
        private final Class<E> type;

        Converter(Class<E> type) {
            this.type = type;
        }

        @Override
        public E convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            for (E e : type.getEnumConstants()) {
                if (e.name().toLowerCase(Locale.ROOT).equals(v) || (v.equals("table") && e.name().equals("TEXT"))) {
                    return e;
                }
            }
            String names = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            throw new CommandLine.TypeConversionException("expected one of " + names + ", not '" + value + "'");
        }
    }

    static final class TextJsonConverter extends Converter<TextJson> {
        TextJsonConverter() {
            super(TextJson.class);
        }
    }

    static final class TextCsvJsonConverter extends Converter<TextCsvJson> {
        TextCsvJsonConverter() {
            super(TextCsvJson.class);
        }
    }

    static final class CsvJsonConverter extends Converter<CsvJson> {
        CsvJsonConverter() {
            super(CsvJson.class);
        }
    }
}

package org.narrativewatch.cli;

import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Pieces of picocli's model built with its programmatic API instead of read from annotations, for the command a
 * one-shot query runs ({@link TimelineCommand}): picocli turns every annotation it reads into a dynamic proxy and
 * reflects on every field, ~60-100 ms of a ~400 ms call that the class-data sharing archive cannot save
 * (docs/benchmarks.md, "The CLI, second round"). The model is the same (OptionModelTest compares the mixins' options
 * with their annotated form, and the help and error texts of the command are unchanged).
 */
final class OptionModel {
    private OptionModel() {}

    /** Binds an option (or positional parameter) to a field of the command, through two small functions. */
    static final class Field<T> implements IGetter, ISetter {
        private final Supplier<T> get;
        private final Consumer<T> set;

        Field(Supplier<T> get, Consumer<T> set) {
            this.get = get;
            this.set = set;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> R get() {
            return (R) get.get();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> R set(R value) {
            R old = (R) get.get();
            set.accept((T) value);
            return old;
        }
    }

    /** An option bound to a field: {@code builder}'s names, labels and type, read and written through get/set. */
    static <T> OptionSpec option(OptionSpec.Builder builder, Supplier<T> get, Consumer<T> set) {
        Field<T> f = new Field<>(get, set);
        // descriptionKey "": what an annotation without one gives (no resource bundle is used)
        return builder.descriptionKey("").getter(f).setter(f).initialValue(get.get()).build();
    }

    /**
     * {@code -h, --help} and {@code -V, --version} as {@code mixinStandardHelpOptions = true} adds them (picocli's
     * AutoHelpMixin: the same names, descriptions and help flags), without reading that mixin's annotations.
     */
    static void standardHelpOptions(CommandSpec spec) {
        // the labels are the mixin's field names, as picocli names an unlabelled option; never shown (no parameter)
        spec.addOption(OptionSpec.builder("-h", "--help").type(boolean.class).usageHelp(true).paramLabel("<helpRequested>")
                .initialValue(false).descriptionKey("mixinStandardHelpOptions.help").description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").type(boolean.class).versionHelp(true).paramLabel("<versionRequested>")
                .initialValue(false).descriptionKey("mixinStandardHelpOptions.version").description("Print version information and exit.").build());
    }
}

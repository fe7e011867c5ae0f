package org.narrativewatch.explain.names;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.narrativewatch.analysis.Folding;

/**
 * A light person/place/organisation name tagger for Russian, Ukrainian and English news that needs
 * no model: it reads capitalisation, initials, what the morphology dictionaries say about a word
 * ({@link NameLexicon}) and, when given one, a GeoNames {@link Gazetteer}.
 *
 * <p>Per word:
 * <ul>
 *   <li>lower case: not a name; an all-capital word of 2–6 letters (США, НАТО, ВСУ) is one; a
 *       Roman numeral is not; a capital letter with a dot (В.) is an initial, part of a name only
 *       when a name follows it;
 *   <li>capitalised inside a sentence: a name, unless every dictionary reading is a function word,
 *       verb or adverb (polite Вы, a capitalised verb); a word that can only be an adjective
 *       (Северный, Государственная) starts a name without being a proper noun itself, and takes the
 *       noun after it into the name even in lower case (Северный поток, Белый дом);
 *   <li>capitalised where any word is (first in a sentence, after an opening quote, a colon or a
 *       dash, or in a headline where most words are capitalised): a name only with evidence —
 *       the same lemma capitalised more often than not inside sentences elsewhere in the batch
 *       (one sense per discourse); or a dictionary name reading (first name, surname,
 *       patronymic; a capitalised Ukrainian lemma) when the form is not also the dictionary form of
 *       a common word (Путин yes, Роман no); or a word the dictionary does not know at all
 *       (Уиткофф); or a gazetteer place; or, for the start of a name, a name right after it.
 * </ul>
 * Adjacent name words (nothing but spaces between them) form one name. A person's name is merged
 * to the surname: first names, patronymics and initials before a final name (Владимир Путин,
 * В.В. Путин → путин), and, batch-wide, a two- or three-word name whose last word also stands
 * alone as a name (Donald Trump → trump). Other multi-word names stay whole (северный поток).
 *
 * <p>Tagging is per batch because of the discourse evidence: tag an article's sentences, or a
 * sample of articles, together. Thread-safe.
 */
public final class NameTagger {

    /** A word as the tagger sees it: its text, the text between it and the previous word, and its index lemmas. */
    public record Word(String surface, String before, List<String> lemmas) {
        public Word {
            before = before == null ? "" : before;
            lemmas = lemmas == null ? List.of() : List.copyOf(lemmas);
        }
    }

    public enum Type {
        PERSON, PLACE, OTHER;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A name: words {@code [start, end)} of its segment; {@code canonical} is the lower-case lemma (or
     * lemmas, space-separated, for a multi-word name) it is counted under, {@code text} the words as
     * written.
     */
    public record Span(int start, int end, String canonical, String text, Type type) {
        public boolean multiWord() {
            return canonical.indexOf(' ') >= 0;
        }
    }

    /** One segment's result: its names, and which words are proper nouns (names' nouns and initials, not their adjectives). */
    public record Tagged(List<Span> spans, boolean[] properNoun) {}

    private static final int MAX_ACRONYM = 6;
    private static final int MAX_SPAN = 5;
    /** A sentence of at least this many words, most of them capitalised, is a headline in title case. */
    private static final int TITLE_CASE_MIN_WORDS = 4;
    private static final double TITLE_CASE_SHARE = 0.7;

    private final Gazetteer gazetteer;

    private NameTagger(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** A tagger with dictionaries and capitalisation only. */
    public static NameTagger create() {
        return new NameTagger(null);
    }

    /** A tagger that also knows the gazetteer's places (null: none). */
    public static NameTagger create(Gazetteer gazetteer) {
        return new NameTagger(gazetteer);
    }

    public boolean hasGazetteer() {
        return gazetteer != null;
    }

    private enum Role { NONE, NAME, MODIFIER, INITIAL }

    /** Per-word facts of one segment. */
    private static final class Seg {
        final List<Word> words;
        final NameLexicon.Entry[] entries;
        final boolean[] open;      // capital says nothing here (sentence start, headline, after a quote)
        final String[] key;        // the lemma the discourse evidence is kept under
        final Role[] role;

        Seg(List<Word> words) {
            this.words = words;
            int n = words.size();
            entries = new NameLexicon.Entry[n];
            open = new boolean[n];
            key = new String[n];
            role = new Role[n];
        }
    }

    /** Tags a batch of segments (sentences, titles, texts) of one language. */
    public List<Tagged> tag(String lang, List<List<Word>> segments) {
        NameLexicon lex = NameLexicon.of(lang);
        List<Seg> segs = new ArrayList<>(segments.size());
        Map<String, int[]> evidence = new HashMap<>(); // key → {capitalised inside a sentence, lower case inside a sentence}
        for (List<Word> words : segments) {
            Seg s = new Seg(words);
            segs.add(s);
            for (int i = 0; i < words.size(); i++) {
                Word w = words.get(i);
                s.entries[i] = lex.entry(w.surface());
                s.key[i] = key(w, s.entries[i]);
            }
            markOpenPositions(s, lex);
            for (int i = 0; i < words.size(); i++) {
                Word w = words.get(i);
                if (!s.open[i] && startsWithLetter(w.surface())) {
                    int[] e = evidence.computeIfAbsent(s.key[i], k -> new int[2]);
                    e[capitalised(w.surface()) || acronym(w.surface()) ? 0 : 1]++;
                }
            }
        }
        for (Seg s : segs) {
            assignRoles(s, lex, evidence);
        }
        List<List<Span>> spans = new ArrayList<>();
        Set<String> singles = new HashSet<>();
        for (Seg s : segs) {
            List<Span> found = spans(s, lex);
            spans.add(found);
            for (Span sp : found) {
                if (sp.end() - sp.start() == 1) {
                    singles.add(sp.canonical());
                }
            }
        }
        List<Tagged> out = new ArrayList<>(segs.size());
        for (int k = 0; k < segs.size(); k++) {
            Seg s = segs.get(k);
            List<Span> merged = new ArrayList<>();
            for (Span sp : spans.get(k)) {
                merged.add(mergeToStandalone(s, sp, singles));
            }
            boolean[] proper = new boolean[s.words.size()];
            for (Span sp : merged) {
                for (int i = sp.start(); i < sp.end(); i++) {
                    proper[i] = s.role[i] == Role.NAME || s.role[i] == Role.INITIAL;
                }
            }
            out.add(new Tagged(merged, proper));
        }
        return out;
    }

    // ---- positions where a capital says nothing ---------------------------------------------------

    private static void markOpenPositions(Seg s, NameLexicon lex) {
        List<Word> words = s.words;
        int sentenceStart = 0;
        for (int i = 0; i <= words.size(); i++) {
            boolean boundary = i == words.size() || (i > 0 && endsSentence(words.get(i).before(), words.get(i - 1).surface()));
            if (boundary) {
                markTitleCase(s, sentenceStart, i, lex);
                sentenceStart = i;
            }
            if (i < words.size() && (i == 0 || boundary || opensClause(words.get(i).before()))) {
                s.open[i] = true;
            }
        }
    }

    /**
     * A headline in title case (Putin Says Talks Will Continue): most words capitalised, and either a
     * capitalised function word among them or no lower-case word at all. A list of names (в Германии,
     * Франции, Австрии и Японии) has its capitals but keeps its function words in lower case.
     */
    private static void markTitleCase(Seg s, int from, int to, NameLexicon lex) {
        int letters = 0;
        int caps = 0;
        boolean capitalFunctionWord = false;
        for (int i = from; i < to; i++) {
            String w = s.words.get(i).surface();
            if (startsWithLetter(w)) {
                letters++;
                if (Character.isUpperCase(w.codePointAt(0))) {
                    caps++;
                    capitalFunctionWord |= i > from && s.entries[i].only(NameLexicon.CLOSED);
                }
            }
        }
        if (letters >= TITLE_CASE_MIN_WORDS && caps >= TITLE_CASE_SHARE * letters && (capitalFunctionWord || caps == letters)) {
            for (int i = from; i < to; i++) {
                s.open[i] = true;
            }
        }
    }

    /** The gap before a word ends a sentence: . ! ? … (not the dot of an initial, which belongs to the word) or a blank line. */
    static boolean endsSentence(String before, String previousWord) {
        for (int i = 0; i < before.length(); i++) {
            char c = before.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '…' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    /** Direct speech and quoted titles start after these: an opening quote, a colon, a dash at the start. */
    static boolean opensClause(String before) {
        for (int i = 0; i < before.length(); i++) {
            char c = before.charAt(i);
            if (c == '«' || c == '“' || c == '„' || c == '"' || c == ':' || c == '(') {
                return true;
            }
        }
        String t = before.strip();
        return t.equals("—") || t.equals("–") || t.equals("-");
    }

    // ---- roles -------------------------------------------------------------------------------------

    private void assignRoles(Seg s, NameLexicon lex, Map<String, int[]> evidence) {
        int n = s.words.size();
        for (int i = 0; i < n; i++) {
            s.role[i] = role(s, i, lex, evidence);
        }
        // the first word of a name at a sentence start: a first name or a word the dictionary does
        // not know, right before a name inside the sentence (Владимир Путин заявил …)
        for (int i = 0; i + 1 < n; i++) {
            if (s.role[i] == Role.NONE && s.open[i] && s.role[i + 1] == Role.NAME && !s.open[i + 1]
                    && adjacent(s.words.get(i + 1)) && capitalised(s.words.get(i).surface()) && lex.hasDictionary()) {
                NameLexicon.Entry e = s.entries[i];
                if (e.has(NameLexicon.FIRST_NAME) || e.has(NameLexicon.PROPER) || !e.has(NameLexicon.KNOWN)) {
                    s.role[i] = Role.NAME;
                }
            }
        }
    }

    private Role role(Seg s, int i, NameLexicon lex, Map<String, int[]> evidence) {
        String w = s.words.get(i).surface();
        String before = s.words.get(i).before();
        if (w.startsWith("@") || before.endsWith("@")) {
            return Role.NAME; // a user or channel handle (@rian_ru)
        }
        if (w.startsWith("#")) {
            w = w.substring(1); // a hashtag is read as the word it tags
        }
        if (!startsWithLetter(w)) {
            return Role.NONE;
        }
        if (initial(w)) {
            return Role.INITIAL;
        }
        NameLexicon.Entry e = s.entries[i];
        if (roman(w)) {
            return Role.NONE;
        }
        if (acronym(w)) {
            return e.only(NameLexicon.CLOSED | NameLexicon.OTHER) ? Role.NONE : Role.NAME;
        }
        if (!capitalised(w)) {
            return Role.NONE;
        }
        if (e.only(NameLexicon.CLOSED | NameLexicon.OTHER | NameLexicon.COMMON_CITATION)) {
            return Role.NONE;
        }
        boolean adjectiveOnly = e.only(NameLexicon.ADJECTIVE | NameLexicon.CLOSED | NameLexicon.OTHER
                | NameLexicon.COMMON_CITATION) || adjectiveBeforeNoun(s, i, lex);
        Role named = adjectiveOnly ? Role.MODIFIER : Role.NAME;
        if (!s.open[i]) {
            return named;
        }
        int[] ev = evidence.get(s.key[i]);
        if (ev != null && ev[0] + ev[1] > 0) {
            return ev[0] > ev[1] ? named : Role.NONE;
        }
        if (adjectiveOnly) {
            return Role.NONE;
        }
        if ((e.has(NameLexicon.PERSON) || e.has(NameLexicon.PROPER)) && !e.has(NameLexicon.COMMON_CITATION)) {
            return Role.NAME;
        }
        if (!e.has(NameLexicon.KNOWN) && lex.hasDictionary()) {
            return Role.NAME;
        }
        if (gazetteer != null && (gazetteer.contains(s.key[i]) || gazetteer.contains(w))) {
            return Role.NAME;
        }
        return Role.NONE;
    }

    /**
     * An adjective that is also a surname or a noun (Балтийского, Красной, Советской) is the
     * adjective of a name when a noun follows it (Балтийского флота, Красной площади); so is a word
     * the dictionary does not know with the ending of an -ский adjective, before a capitalised word.
     */
    private static boolean adjectiveBeforeNoun(Seg s, int i, NameLexicon lex) {
        if (i + 1 >= s.words.size() || !adjacent(s.words.get(i + 1))) {
            return false;
        }
        Word next = s.words.get(i + 1);
        NameLexicon.Entry ne = s.entries[i + 1];
        NameLexicon.Entry e = s.entries[i];
        if (e.has(NameLexicon.ADJECTIVE)) {
            return capitalised(next.surface()) || acronym(next.surface()) || ne.has(NameLexicon.COMMON_NOUN);
        }
        return !e.has(NameLexicon.KNOWN) && lex.hasDictionary() && capitalised(next.surface())
                && SKIY_ADJECTIVE.matcher(s.words.get(i).surface().toLowerCase(Locale.ROOT)).matches();
    }

    private static final java.util.regex.Pattern SKIY_ADJECTIVE = java.util.regex.Pattern.compile(
            ".{2,}(ск|цк)(ий|ый|ой|ая|ое|ие|ые|ого|ому|ом|им|ым|ую|их|ых|ими|ыми|ій|а|е|і|ої|ою|ого|ому|ій|ими|их)");

    // ---- spans -------------------------------------------------------------------------------------

    private List<Span> spans(Seg s, NameLexicon lex) {
        List<Span> out = new ArrayList<>();
        int n = s.words.size();
        int i = 0;
        while (i < n) {
            int quoted = quotedName(s, i);
            if (quoted > i) {
                if (s.role[i] == Role.NONE) {
                    s.role[i] = s.entries[i].only(NameLexicon.ADJECTIVE | NameLexicon.CLOSED | NameLexicon.OTHER
                            | NameLexicon.COMMON_CITATION) ? Role.MODIFIER : Role.NAME;
                }
                out.add(span(s, i, quoted, lex));
                i = quoted;
                continue;
            }
            if (s.role[i] == Role.NONE) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < n && end - i < MAX_SPAN && s.role[end] != Role.NONE && adjacent(s.words.get(end))
                    && !(s.open[end] && !s.open[i]) && !startsPerson(s, end)) {
                end++;
            }
            boolean hasName = false;
            boolean onlyModifiers = true;
            for (int k = i; k < end; k++) {
                hasName |= s.role[k] == Role.NAME;
                onlyModifiers &= s.role[k] == Role.MODIFIER;
            }
            if (onlyModifiers && end < n && adjacent(s.words.get(end)) && !capitalised(s.words.get(end).surface())
                    && s.entries[end].has(NameLexicon.COMMON_NOUN)) {
                // Северный поток, Белый дом: the noun after a capitalised adjective is part of the name
                end++;
                hasName = true;
            }
            if (!hasName) {
                for (int k = i; k < end; k++) {
                    s.role[k] = Role.NONE;
                }
                i = end;
                continue;
            }
            // initials and modifiers after the last proper noun do not belong to the name
            int last = end - 1;
            while (last > i && s.role[last] == Role.INITIAL) {
                s.role[last] = Role.NONE;
                last--;
            }
            end = last + 1;
            out.add(span(s, i, end, lex));
            i = end;
        }
        return out;
    }

    /**
     * A first name or an initial after a word that is not one starts another name: России | Владимир
     * Путин, not one name of three words.
     */
    private static boolean startsPerson(Seg s, int k) {
        boolean first = s.role[k] == Role.INITIAL || (s.role[k] == Role.NAME && s.entries[k].has(NameLexicon.FIRST_NAME));
        if (!first || k == 0) {
            return false;
        }
        NameLexicon.Entry prev = s.entries[k - 1];
        return s.role[k - 1] != Role.INITIAL && !prev.has(NameLexicon.FIRST_NAME) && !prev.has(NameLexicon.PATRONYMIC);
    }

    private static final int MAX_QUOTED = 4;

    /**
     * «Северный поток», «Единая Россия»: up to four words in quotes, the first capitalised and not a
     * function word, none of them a verb, are a name (of an organisation, a pipeline, a ship, an
     * operation). Returns the end of the quoted run, or -1. Direct speech has its verbs.
     */
    private static int quotedName(Seg s, int i) {
        String before = s.words.get(i).before();
        if (before.indexOf('«') < 0 && before.indexOf('“') < 0 && before.indexOf('„') < 0) {
            return -1;
        }
        String w = s.words.get(i).surface();
        if (!capitalised(w) && !acronym(w) || s.entries[i].only(NameLexicon.CLOSED | NameLexicon.OTHER)) {
            return -1;
        }
        for (int k = i; k < s.words.size() && k < i + MAX_QUOTED; k++) {
            if (s.entries[k].only(NameLexicon.OTHER) && startsWithLetter(s.words.get(k).surface())) {
                return -1;
            }
            if (k > i && (s.words.get(k).before().indexOf('«') >= 0 || endsSentence(s.words.get(k).before(), ""))) {
                return -1;
            }
            boolean closes = k + 1 == s.words.size() ? false : closesQuote(s.words.get(k + 1).before());
            if (closes) {
                return k + 1;
            }
        }
        return -1;
    }

    private static boolean closesQuote(String before) {
        return before.indexOf('»') >= 0 || before.indexOf('”') >= 0;
    }

    private Span span(Seg s, int start, int end, NameLexicon lex) {
        StringBuilder text = new StringBuilder();
        for (int k = start; k < end; k++) {
            if (k > start) {
                text.append(' ');
            }
            text.append(s.words.get(k).surface());
        }
        int lastWord = end - 1;
        boolean person = end - start > 1;
        for (int k = start; k < lastWord && person; k++) {
            NameLexicon.Entry e = s.entries[k];
            person = s.role[k] == Role.INITIAL
                    || (s.role[k] == Role.NAME && (e.has(NameLexicon.FIRST_NAME) || e.has(NameLexicon.PATRONYMIC)
                    || patronymic(s.words.get(k).surface())));
        }
        person &= s.role[lastWord] == Role.NAME && !s.entries[lastWord].only(NameLexicon.FIRST_NAME);
        if (person) {
            return new Span(start, end, lemma(s, lastWord), text.toString(), Type.PERSON);
        }
        StringBuilder canonical = new StringBuilder();
        for (int k = start; k < end; k++) {
            if (s.role[k] == Role.INITIAL) {
                continue;
            }
            if (canonical.length() > 0) {
                canonical.append(' ');
            }
            canonical.append(lemma(s, k));
        }
        return new Span(start, end, canonical.toString(), text.toString(), type(s, start, end));
    }

    private Type type(Seg s, int start, int end) {
        if (end - start == 1) {
            NameLexicon.Entry e = s.entries[start];
            if (e.has(NameLexicon.PERSON) && !e.has(NameLexicon.COMMON_NOUN)) {
                return Type.PERSON;
            }
        }
        if (gazetteer != null) {
            String w = s.words.get(end - 1).surface();
            if (gazetteer.contains(s.key[end - 1]) || gazetteer.contains(w)) {
                return Type.PLACE;
            }
        }
        return Type.OTHER;
    }

    /** Donald Trump → trump when Trump stands alone as a name elsewhere in the batch. */
    private static Span mergeToStandalone(Seg s, Span sp, Set<String> singles) {
        int len = sp.end() - sp.start();
        if (sp.type() == Type.PERSON || len < 2 || len > 3) {
            return sp;
        }
        for (int k = sp.start(); k < sp.end(); k++) {
            if (s.role[k] != Role.NAME) {
                return sp;
            }
        }
        String last = s.key[sp.end() - 1];
        String lastLemma = sp.canonical().substring(sp.canonical().lastIndexOf(' ') + 1);
        if (singles.contains(lastLemma) || singles.contains(last)) {
            return new Span(sp.start(), sp.end(), lastLemma, sp.text(), Type.PERSON);
        }
        return sp;
    }

    /** The index lemma a word is counted under: its name reading's lemma when the index has it. */
    private static String lemma(Seg s, int k) {
        Word w = s.words.get(k);
        String name = s.entries[k].nameLemma();
        if (name != null && (w.lemmas().isEmpty() || w.lemmas().contains(name))) {
            return name;
        }
        return w.lemmas().isEmpty() ? fold(w.surface()) : w.lemmas().get(0);
    }

    private static String key(Word w, NameLexicon.Entry e) {
        if (e.nameLemma() != null) {
            return e.nameLemma();
        }
        return w.lemmas().isEmpty() ? fold(w.surface()) : w.lemmas().get(0);
    }

    // ---- word shapes -------------------------------------------------------------------------------

    private static String fold(String s) {
        return Folding.fold(s.toLowerCase(Locale.ROOT));
    }

    private static boolean adjacent(Word w) {
        return w.before().isBlank() && !w.before().contains("\n");
    }

    static boolean startsWithLetter(String w) {
        return !w.isEmpty() && Character.isLetter(w.codePointAt(0));
    }

    /** First letter upper case and some other letter lower case (Путин, McCain; not США). */
    static boolean capitalised(String w) {
        if (!startsWithLetter(w) || !Character.isUpperCase(w.codePointAt(0))) {
            return false;
        }
        for (int i = 1; i < w.length(); i++) {
            if (Character.isLowerCase(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** 2–6 letters (digits and hyphens allowed between), all upper case: США, НАТО, ВСУ, G7. */
    static boolean acronym(String w) {
        int letters = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            } else if (!Character.isDigit(c) && c != '-') {
                return false;
            }
        }
        return letters >= 2 && letters <= MAX_ACRONYM;
    }

    /** В. — the tokenizer keeps an initial's dot. */
    static boolean initial(String w) {
        return w.length() == 2 && w.charAt(1) == '.' && Character.isUpperCase(w.charAt(0));
    }

    static boolean roman(String w) {
        if (w.isEmpty() || w.length() > 7) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            if ("IVXLCDM".indexOf(w.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** East Slavic patronymic endings (Владимирович, Олександрівна), for dictionaries without the tag. */
    static boolean patronymic(String w) {
        String l = w.toLowerCase(Locale.ROOT);
        return l.matches(".{3,}(ович|евич|йович|івич|ьович|овна|евна|ївна|івна|ична|інічна)(а|у|ем|ом|ой|і|и|ою|ю|ей|)");
    }
}

package org.narrativewatch.analysis;

import java.io.IOException;
import java.util.Iterator;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.Attribute;

/**
 * A per-stream cache from a word as the tokenizer cut it (case and all) to everything the rest of the
 * chain makes of it: every token with its term, position increment, flags, keyword mark, type,
 * position length and offsets relative to the word. News repeats its words, so most words are
 * answered from the cache and skip the chain (compound parts, protected words, lower case, folding,
 * exact form, dictionary lemmas, the stemmer, the language tag): the import's analysis gets cheaper,
 * the tokens stay exactly what the chain makes ({@code FormCacheTest} compares both on real text,
 * attribute by attribute, and {@code bench/run terms} the indexes).
 *
 * <p>This holds because every filter after the tokenizer reads one word at a time: what it emits
 * for a word depends on that word's text and offsets only (the state a filter keeps between tokens
 * is reset by the first token of the next word). A word that misses the cache is run through the
 * chain on its own ({@link OneWord} feeds it) and its tokens recorded. Only a word whose offsets
 * span exactly its characters is cached (one with invisible characters dropped gets its parts'
 * offsets computed differently, and is simply not kept); a consumer that adds an attribute this
 * class does not copy (a payload) gets the chain run for every word. Not thread-safe, like every
 * token stream: one cache per stream, which Lucene's reuse strategy keeps per thread.
 */
final class FormCacheFilter extends TokenFilter {
    /** Distinct words kept; the cache is cleared when full (news vocabulary: ~100k forms per million words). */
    static final int LIMIT = 50_000;

    /** The attributes a recorded token restores; any other present means no caching. */
    private static final Set<Class<? extends Attribute>> COPIED = Set.of(CharTermAttribute.class,
            TermToBytesRefAttribute.class, PositionIncrementAttribute.class, PositionLengthAttribute.class,
            OffsetAttribute.class, TypeAttribute.class, TermFrequencyAttribute.class, FlagsAttribute.class,
            KeywordAttribute.class);

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
    private final PositionLengthAttribute posLenAtt = addAttribute(PositionLengthAttribute.class);
    private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);
    private final TermFrequencyAttribute freqAtt = addAttribute(TermFrequencyAttribute.class);
    private final FlagsAttribute flagsAtt = addAttribute(FlagsAttribute.class);
    private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);

    private final OneWord word;
    private final TokenStream chain;
    private final CharArrayMap<Expansion> cache = new CharArrayMap<>(1024, false);
    private final Expansion scratch = new Expansion();
    private boolean cacheable;

    private Expansion current;
    private int next;
    private int wordStart;

    /**
     * @param input the tokenizer
     * @param rest  builds the rest of the chain on the stream it is given (which shares this stream's attributes)
     */
    FormCacheFilter(TokenStream input, UnaryOperator<TokenStream> rest) {
        super(input);
        this.word = new OneWord(this);
        this.chain = rest.apply(word);
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (current == null || next >= current.size) {
            if (!input.incrementToken()) {
                current = null;
                return false;
            }
            wordStart = offsetAtt.startOffset();
            char[] t = termAtt.buffer();
            int len = termAtt.length();
            boolean keep = cacheable && offsetAtt.endOffset() - wordStart == len;
            Expansion e = keep ? cache.get(t, 0, len) : null;
            if (e == null) {
                String key = keep ? new String(t, 0, len) : null;
                e = keep ? new Expansion() : scratch;
                expand(e);
                if (keep) {
                    if (cache.size() >= LIMIT) {
                        cache.clear();
                    }
                    cache.put(key, e);
                }
            }
            current = e;
            next = 0;
        }
        current.restore(next++, this);
        return true;
    }

    /** Runs the chain over the word the tokenizer just produced, recording each token it emits. */
    private void expand(Expansion e) throws IOException {
        e.size = 0;
        word.arm();
        chain.reset();
        while (chain.incrementToken()) {
            e.record(this);
        }
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        current = null;
        next = 0;
        cacheable = true;
        for (Iterator<Class<? extends Attribute>> it = getAttributeClassesIterator(); it.hasNext(); ) {
            if (!COPIED.contains(it.next())) {
                cacheable = false;
            }
        }
        if (!cacheable) {
            cache.clear();
        }
    }

    /** The tokens a word becomes, in order, with offsets relative to the word's start. */
    private static final class Expansion {
        int size;
        char[][] terms = new char[4][];
        int[] termLengths = new int[4];
        int[] ints = new int[4 * 6];
        String[] types = new String[4];
        boolean[] keywords = new boolean[4];

        void record(FormCacheFilter f) {
            if (size == terms.length) {
                int n = size * 2;
                terms = java.util.Arrays.copyOf(terms, n);
                termLengths = java.util.Arrays.copyOf(termLengths, n);
                ints = java.util.Arrays.copyOf(ints, n * 6);
                types = java.util.Arrays.copyOf(types, n);
                keywords = java.util.Arrays.copyOf(keywords, n);
            }
            int len = f.termAtt.length();
            char[] t = terms[size];
            if (t == null || t.length < len) {
                t = new char[len];
                terms[size] = t;
            }
            System.arraycopy(f.termAtt.buffer(), 0, t, 0, len);
            termLengths[size] = len;
            int i = size * 6;
            ints[i] = f.posIncAtt.getPositionIncrement();
            ints[i + 1] = f.posLenAtt.getPositionLength();
            ints[i + 2] = f.offsetAtt.startOffset() - f.wordStart;
            ints[i + 3] = f.offsetAtt.endOffset() - f.wordStart;
            ints[i + 4] = f.flagsAtt.getFlags();
            ints[i + 5] = f.freqAtt.getTermFrequency();
            types[size] = f.typeAtt.type();
            keywords[size] = f.keywordAtt.isKeyword();
            size++;
        }

        void restore(int k, FormCacheFilter f) {
            f.clearAttributes();
            f.termAtt.copyBuffer(terms[k], 0, termLengths[k]);
            int i = k * 6;
            f.posIncAtt.setPositionIncrement(ints[i]);
            f.posLenAtt.setPositionLength(ints[i + 1]);
            f.offsetAtt.setOffset(f.wordStart + ints[i + 2], f.wordStart + ints[i + 3]);
            f.flagsAtt.setFlags(ints[i + 4]);
            f.freqAtt.setTermFrequency(ints[i + 5]);
            f.typeAtt.setType(types[k]);
            f.keywordAtt.setKeyword(keywords[k]);
        }
    }

    /**
     * The start of the cached chain: yields once the word the tokenizer left in the shared attributes,
     * then ends; armed again for every word that misses the cache.
     */
    static final class OneWord extends TokenStream {
        private boolean armed;

        OneWord(TokenStream shared) {
            super(shared);
        }

        void arm() {
            armed = true;
        }

        @Override
        public boolean incrementToken() {
            boolean a = armed;
            armed = false;
            return a;
        }
    }
}

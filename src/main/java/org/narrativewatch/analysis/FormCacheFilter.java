package org.narrativewatch.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Remembers what the chain after the tokenizer makes of each word form, and replays it when the form
 * comes again: words follow Zipf's law, so most tokens of a news corpus are forms seen shortly before.
 *
 * <p>The chain's output for one word of the tokenizer (its exact form, its hyphen parts, their lemmas
 * or stems, flags) depends only on the word's text, and its offsets only on where the word starts,
 * as long as the word's text is its source text letter for letter: {@link CompoundPartsFilter} places
 * the parts inside the word then. Those words are cached, keyed by their text as written (case is a
 * cue for acronyms): every token of the group with its term, position increment, flags, keyword mark
 * and offsets relative to the word. A word with invisible characters dropped (its text shorter than
 * its source) always runs through the chain. The replayed tokens carry the same attributes the chain
 * sets; every other attribute is at its default, as the tokenizer leaves it.
 *
 * <p>Why here and not the lemmatizer's own cache: after it, the lower-casing, folding, exact-form,
 * lemma and tag filters still copy every term several times per token; a hit here costs one hash
 * lookup and the copies of the group's terms into the term attribute.
 *
 * <p>One cache per token stream (Lucene gives each thread its own), so no locking. It holds at most
 * twice {@code capacity} forms in two generations ({@link Table}), which keeps a hit allocation-free and the memory
 * bounded (a group is packed into one {@code char[]}).
 */
public final class FormCacheFilter extends TokenFilter {
    /** Forms cached per token stream by the index chains ({@link Analyzers}). */
    public static final int DEFAULT_CAPACITY = 32_768;

    private static final int KEYWORD = 0x8000;

    private final Tokenizer tokenizer;
    private final OneWord source;
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
    private final FlagsAttribute flagsAtt = addAttribute(FlagsAttribute.class);
    private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);
    private final Table table;

    /** The group being replayed: packed tokens, where the next one starts, how many are left. */
    private char[] group;
    private int at;
    private int left;
    private int wordStart;
    /** A group being recorded: grows as the chain emits tokens. */
    private char[] record = new char[64];
    /** The word being recorded, copied before the chain changes the term attribute. */
    private char[] keyBuffer = new char[32];

    /**
     * Builds the cached chain: {@code chain} is applied to {@code source}, which
     * must be made with {@link #source(Tokenizer, boolean)} on {@code tokenizer}, cached.
     */
    public FormCacheFilter(Tokenizer tokenizer, OneWord source, TokenStream chain, int capacity) {
        super(chain);
        this.tokenizer = tokenizer;
        this.source = source;
        this.table = new Table(capacity);
    }

    /**
     * The stream the chain reads from: with {@code cached}, the tokenizer's current word, once per word
     * (for a {@link FormCacheFilter}); without, the tokenizer itself.
     */
    public static OneWord source(Tokenizer tokenizer, boolean cached) {
        return new OneWord(tokenizer, cached);
    }

    /** Forms held now, both generations (at most twice the capacity; tests). */
    int size() {
        return table.size + table.oldSize;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (left > 0) {
            replay();
            return true;
        }
        if (!tokenizer.incrementToken()) {
            return false;
        }
        char[] word = termAtt.buffer();
        int len = termAtt.length();
        int start = offsetAtt.startOffset();
        boolean cacheable = offsetAtt.endOffset() - start == len;
        char[] e = cacheable ? table.get(word, len) : null;
        if (e == null) {
            char[] key = null;
            if (cacheable) {
                if (keyBuffer.length < len) {
                    keyBuffer = new char[Math.max(len, keyBuffer.length * 2)];
                }
                System.arraycopy(word, 0, keyBuffer, 0, len);
                key = keyBuffer;
            }
            int groupLength = runChain(start);
            e = Table.entry(key == null ? keyBuffer : key, key == null ? 0 : len, record, groupLength);
            if (key != null) {
                table.put(key, len, e);
            }
        }
        group = e;
        wordStart = start;
        at = Table.groupStart(e);
        left = e[at++];
        if (left == 0) {
            // the chain dropped the whole word (it does not today); ask for the next one
            return incrementToken();
        }
        replay();
        return true;
    }

    /** Runs the chain over the tokenizer's current word into {@link #record}; returns the packed length. */
    private int runChain(int start) throws IOException {
        source.arm();
        int n = 0;
        int w = 1;
        while (input.incrementToken()) {
            int len = termAtt.length();
            int need = w + 5 + len;
            if (need > record.length) {
                record = java.util.Arrays.copyOf(record, Math.max(need, record.length * 2));
            }
            record[w] = (char) len;
            record[w + 1] = (char) posIncAtt.getPositionIncrement();
            record[w + 2] = (char) ((flagsAtt.getFlags() & 0x7fff) | (keywordAtt.isKeyword() ? KEYWORD : 0));
            record[w + 3] = (char) (offsetAtt.startOffset() - start);
            record[w + 4] = (char) (offsetAtt.endOffset() - start);
            System.arraycopy(termAtt.buffer(), 0, record, w + 5, len);
            w = need;
            n++;
        }
        record[0] = (char) n;
        return w;
    }

    private void replay() {
        char[] g = group;
        int i = at;
        int len = g[i];
        clearAttributes();
        termAtt.copyBuffer(g, i + 5, len);
        posIncAtt.setPositionIncrement(g[i + 1]);
        flagsAtt.setFlags(g[i + 2] & 0x7fff);
        keywordAtt.setKeyword((g[i + 2] & KEYWORD) != 0);
        offsetAtt.setOffset(wordStart + g[i + 3], wordStart + g[i + 4]);
        at = i + 5 + len;
        left--;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        left = 0;
        group = null;
    }

    /**
     * Gives the cached chain the tokenizer's current word, once: the chain's filters emit every token of
     * the word before they ask for the next one, so each word's group ends when this returns false.
     */
    public static final class OneWord extends TokenFilter {
        private final boolean cached;
        private boolean armed;

        private OneWord(Tokenizer tokenizer, boolean cached) {
            super(tokenizer);
            this.cached = cached;
        }

        void arm() {
            armed = true;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!cached) {
                return input.incrementToken();
            }
            boolean a = armed;
            armed = false;
            return a;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            armed = false;
        }
    }

    /**
     * Open addressing from a word's chars to its packed group, in two generations: when the current one
     * is full it becomes the old one (the one before is dropped), and a form found in the old one moves
     * to the current one, so the forms in use stay while the rare ones age out (about least recently
     * used, at the cost of two lookups for a form not held). Each entry is one {@code char[]}: the
     * word's length, its chars, then its group; the hashes sit in their own array, so a probe that
     * misses reads no entry. Written here because Lucene's CharArrayMap hashes and compares by code
     * point (costly per token without the optimising compiler) and keeps no generations.
     */
    static final class Table {
        private final int limit;
        private final int mask;
        private char[][] entries;
        private int[] hashes;
        private char[][] oldEntries;
        private int[] oldHashes;
        int size;
        int oldSize;

        Table(int limit) {
            this.limit = limit;
            int cap = Integer.highestOneBit(Math.max(16, limit) * 2 - 1) << 1;
            mask = cap - 1;
            entries = new char[cap][];
            hashes = new int[cap];
        }

        private static int hash(char[] w, int len) {
            int h = len;
            for (int i = 0; i < len; i++) {
                h = 31 * h + w[i];
            }
            h ^= h >>> 16;
            return h == 0 ? 1 : h; // 0 marks an empty slot
        }

        /** The group of {@code w[0..len)}, or null; the returned group starts at {@code groupStart(entry)}. */
        char[] get(char[] w, int len) {
            int h = hash(w, len);
            char[] e = find(entries, hashes, h, w, len);
            if (e == null && oldEntries != null) {
                e = find(oldEntries, oldHashes, h, w, len);
                if (e != null) {
                    insert(h, e);
                }
            }
            return e;
        }

        private char[] find(char[][] es, int[] hs, int h, char[] w, int len) {
            int i = h & mask;
            int x;
            while ((x = hs[i]) != 0) {
                if (x == h) {
                    char[] e = es[i];
                    if (e[0] == len && same(e, w, len)) {
                        return e;
                    }
                }
                i = (i + 1) & mask;
            }
            return null;
        }

        private static boolean same(char[] e, char[] w, int len) {
            for (int i = 0; i < len; i++) {
                if (e[i + 1] != w[i]) {
                    return false;
                }
            }
            return true;
        }

        /** Adds an entry made by {@link #entry} for a word not held. */
        void put(char[] word, int len, char[] entry) {
            insert(hash(word, len), entry);
        }

        private void insert(int h, char[] e) {
            if (size >= limit) {
                oldEntries = entries;
                oldHashes = hashes;
                oldSize = size;
                entries = new char[mask + 1][];
                hashes = new int[mask + 1];
                size = 0;
            }
            int i = h & mask;
            while (hashes[i] != 0) {
                i = (i + 1) & mask;
            }
            hashes[i] = h;
            entries[i] = e;
            size++;
        }

        /** An entry: the word's length and chars, then {@code group[0..groupLength)}. */
        static char[] entry(char[] word, int len, char[] group, int groupLength) {
            char[] e = new char[1 + len + groupLength];
            e[0] = (char) len;
            System.arraycopy(word, 0, e, 1, len);
            System.arraycopy(group, 0, e, 1 + len, groupLength);
            return e;
        }

        static int groupStart(char[] entry) {
            return 1 + entry[0];
        }
    }
}

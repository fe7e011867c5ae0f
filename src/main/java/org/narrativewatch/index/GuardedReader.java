package org.narrativewatch.index;

import java.io.IOException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.ExitableDirectoryReader.ExitableFilterAtomicReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader.FilterPostingsEnum;
import org.apache.lucene.index.FilterLeafReader.FilterTerms;
import org.apache.lucene.index.FilterLeafReader.FilterTermsEnum;
import org.apache.lucene.index.Impacts;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.CompiledAutomaton;

/**
 * A reader that stops a search when its {@link QueryGuard} says so, wherever the search spends its
 * time. Lucene's own means do not reach inside interval queries (checked in Lucene 9.12's code):
 * {@code IndexSearcher.setTimeout} checks between windows of documents, after the scorer is built,
 * and then returns partial counts as if they were whole; {@code ExitableDirectoryReader} checks term
 * enumeration, doc values and points, but not postings. A NEAR chain spends its time building
 * thousands of interval iterators and walking their positions inside single documents. So this
 * reader adds, on top of {@code ExitableDirectoryReader}'s leaves, a sampled check in every term
 * seek, every postings and impacts enum ({@code nextDoc}, {@code advance}, {@code nextPosition}):
 * every interval iterator bottoms out in those calls. A stopped search throws
 * {@link QueryGuard.Stopped} (or Lucene's {@code ExitingReaderException}); nothing partial is returned.
 *
 * <p>Wrapping is per call and cheap (one object per segment); the caches key on the wrapped
 * segments' cache helpers, so cached filters are shared with unguarded readers.
 */
final class GuardedReader extends FilterDirectoryReader {

    private final QueryGuard guard;

    GuardedReader(DirectoryReader in, QueryGuard guard) throws IOException {
        super(in, new Leaves(guard));
        this.guard = guard;
    }

    @Override
    protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
        return new GuardedReader(in, guard);
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
        return in.getReaderCacheHelper();
    }

    private static final class Leaves extends SubReaderWrapper {
        private final QueryGuard guard;

        Leaves(QueryGuard guard) {
            this.guard = guard;
        }

        @Override
        public LeafReader wrap(LeafReader reader) {
            return new GuardedLeaf(reader, guard);
        }
    }

    private static final class GuardedLeaf extends ExitableFilterAtomicReader {
        private final QueryGuard guard;

        GuardedLeaf(LeafReader in, QueryGuard guard) {
            super(in, guard);
            this.guard = guard;
        }

        @Override
        public Terms terms(String field) throws IOException {
            Terms t = super.terms(field);
            return t == null ? null : new GuardedTerms(t, guard);
        }
    }

    private static final class GuardedTerms extends FilterTerms {
        private final QueryGuard guard;

        GuardedTerms(Terms in, QueryGuard guard) {
            super(in);
            this.guard = guard;
        }

        @Override
        public TermsEnum iterator() throws IOException {
            guard.tick();
            return new GuardedTermsEnum(in.iterator(), guard);
        }

        @Override
        public TermsEnum intersect(CompiledAutomaton compiled, BytesRef startTerm) throws IOException {
            guard.tick();
            return new GuardedTermsEnum(in.intersect(compiled, startTerm), guard);
        }

        @Override
        public BytesRef getMin() throws IOException {
            return in.getMin();
        }

        @Override
        public BytesRef getMax() throws IOException {
            return in.getMax();
        }
    }

    private static final class GuardedTermsEnum extends FilterTermsEnum {
        private final QueryGuard guard;

        GuardedTermsEnum(TermsEnum in, QueryGuard guard) {
            super(in);
            this.guard = guard;
        }

        @Override
        public BytesRef next() throws IOException {
            guard.tick();
            return in.next();
        }

        @Override
        public boolean seekExact(BytesRef text) throws IOException {
            guard.tick();
            return in.seekExact(text);
        }

        @Override
        public void seekExact(BytesRef term, TermState state) throws IOException {
            guard.tick();
            in.seekExact(term, state);
        }

        @Override
        public SeekStatus seekCeil(BytesRef text) throws IOException {
            guard.tick();
            return in.seekCeil(text);
        }

        @Override
        public PostingsEnum postings(PostingsEnum reuse, int flags) throws IOException {
            guard.tick();
            PostingsEnum inner = reuse instanceof GuardedPostings g ? g.inner() : null;
            return new GuardedPostings(in.postings(inner, flags), guard);
        }

        @Override
        public ImpactsEnum impacts(int flags) throws IOException {
            guard.tick();
            return new GuardedImpacts(in.impacts(flags), guard);
        }
    }

    private static final class GuardedPostings extends FilterPostingsEnum {
        private final QueryGuard guard;

        GuardedPostings(PostingsEnum in, QueryGuard guard) {
            super(in);
            this.guard = guard;
        }

        PostingsEnum inner() {
            return in;
        }

        @Override
        public int nextDoc() throws IOException {
            guard.tick();
            return in.nextDoc();
        }

        @Override
        public int advance(int target) throws IOException {
            guard.tick();
            return in.advance(target);
        }

        @Override
        public int nextPosition() throws IOException {
            guard.tick();
            return in.nextPosition();
        }
    }

    /** Lucene has no filter class for impacts enums: every method delegates, the moving ones check. */
    private static final class GuardedImpacts extends ImpactsEnum {
        private final ImpactsEnum in;
        private final QueryGuard guard;

        GuardedImpacts(ImpactsEnum in, QueryGuard guard) {
            this.in = in;
            this.guard = guard;
        }

        @Override
        public void advanceShallow(int target) throws IOException {
            in.advanceShallow(target);
        }

        @Override
        public Impacts getImpacts() throws IOException {
            return in.getImpacts();
        }

        @Override
        public int freq() throws IOException {
            return in.freq();
        }

        @Override
        public int nextPosition() throws IOException {
            guard.tick();
            return in.nextPosition();
        }

        @Override
        public int startOffset() throws IOException {
            return in.startOffset();
        }

        @Override
        public int endOffset() throws IOException {
            return in.endOffset();
        }

        @Override
        public BytesRef getPayload() throws IOException {
            return in.getPayload();
        }

        @Override
        public int docID() {
            return in.docID();
        }

        @Override
        public int nextDoc() throws IOException {
            guard.tick();
            return in.nextDoc();
        }

        @Override
        public int advance(int target) throws IOException {
            guard.tick();
            return in.advance(target);
        }

        @Override
        public long cost() {
            return in.cost();
        }
    }
}

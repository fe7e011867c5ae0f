package org.narrativewatch.index;

import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StandardDirectoryReader;
import org.apache.lucene.store.ChecksumIndexInput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.StringHelper;

/**
 * The corpus' articles per day, written beside every commit: the totals of a daily timeline (its
 * denominators) are the same for every query over a date range, and counting them reads the {@code day}
 * doc values of every article. On a cold page cache that was the largest read of a first query (about
 * 10 MB and 2,300 reads at 1.45M articles, docs/benchmarks.md, "Cold queries, fourth round"); this file
 * is a few KB.
 *
 * <p>The file belongs to one commit: its name carries the commit's generation and it holds that
 * commit's live document count, so a reader uses it only when both match its own commit, and counts
 * as before when they do not (an index written before this file existed, a commit made while
 * documents were still being added, a damaged file). It is an optimisation, never the only copy of
 * a figure: every count can be recomputed from the index.
 */
final class DayTotals {

    /** Lucene's index file deleter leaves this name alone (it matches neither segment nor commit files). */
    static final String PREFIX = "nwatch-daytotals-";
    private static final String CODEC = "NwatchDayTotals";
    private static final int VERSION = 1;

    /** Articles per day from {@code firstDay}, of a commit holding {@code docs} live documents. */
    record Counts(long generation, byte[] id, long docs, int firstDay, long[] perDay) {

        /** Whether these are the counts of {@code commit} with {@code liveDocs} live documents. */
        boolean of(SegmentInfos commit, long liveDocs) {
            return generation == commit.getGeneration() && Arrays.equals(id, commit.getId()) && docs == liveDocs;
        }

        /** The counts of days {@code first..last} (0 outside the file's days). */
        long[] slice(int first, int last) {
            long[] out = new long[last - first + 1];
            for (int d = Math.max(first, firstDay); d <= Math.min(last, firstDay + perDay.length - 1); d++) {
                out[d - first] = perDay[d - firstDay];
            }
            return out;
        }
    }

    static String fileName(long generation) {
        return PREFIX + Long.toString(generation, Character.MAX_RADIX);
    }

    /**
     * The counts written with the commit that {@code commit} holds (its generation and its unique id, which a
     * commit of a re-created index in the same folder does not share), or null when there are none, or they
     * are unreadable, or they are not that commit's.
     */
    static Counts read(Directory dir, SegmentInfos commit, long liveDocs) {
        long generation = commit.getGeneration();
        try (ChecksumIndexInput in = dir.openChecksumInput(fileName(generation), IOContext.READONCE)) {
            CodecUtil.checkHeader(in, CODEC, VERSION, VERSION);
            long gen = in.readLong();
            byte[] id = new byte[StringHelper.ID_LENGTH];
            in.readBytes(id, 0, id.length);
            long docs = in.readLong();
            int first = in.readInt();
            int n = in.readVInt();
            long[] perDay = new long[n];
            for (int i = 0; i < n; i++) {
                perDay[i] = in.readVLong();
            }
            CodecUtil.checkFooter(in);
            Counts c = new Counts(gen, id, docs, first, perDay);
            return c.of(commit, liveDocs) ? c : null;
        } catch (NoSuchFileException | FileNotFoundException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            // damaged or from another version: the caller counts from the index, which is exact
            return null;
        }
    }

    /**
     * The writer's side: after each commit, the per-day counts of exactly what was committed, from a reader
     * of that commit (not the writer's near-real-time reader, which may already hold documents added or
     * segments merged since). That reader is reopened from commit to commit, sharing unchanged segments, and
     * counts are kept per segment, so a commit counts only its new (flushed or merged) segments.
     */
    static final class Writer implements Closeable {
        private final Map<IndexReader.CacheKey, Counts> bySegment = new HashMap<>();
        private DirectoryReader committed;

        /** Writes the file of the commit just made in {@code dir} (this process holds its write lock). */
        void afterCommit(Directory dir) {
            String tmp = null;
            try {
                DirectoryReader newer = committed == null ? DirectoryReader.open(dir) : DirectoryReader.openIfChanged(committed);
                if (newer != null) {
                    if (committed != null) {
                        committed.close();
                    }
                    committed = newer;
                }
                SegmentInfos infos = ((StandardDirectoryReader) committed).getSegmentInfos();
                tmp = fileName(infos.getGeneration()) + ".tmp";
                write(dir, infos, count(committed));
            } catch (IOException | RuntimeException e) {
                // the commit is made and durable; without this file readers count the totals themselves
                if (tmp != null) {
                    deleteQuietly(dir, tmp);
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (committed != null) {
                committed.close();
                committed = null;
            }
        }

        private Counts count(DirectoryReader r) throws IOException {
            Set<IndexReader.CacheKey> seen = new HashSet<>();
            List<Counts> parts = new ArrayList<>();
            for (LeafReaderContext ctx : r.leaves()) {
                IndexReader.CacheHelper helper = ctx.reader().getReaderCacheHelper();
                Counts c = helper == null ? null : bySegment.get(helper.getKey());
                if (c == null) {
                    c = countSegment(ctx.reader());
                    if (helper != null) {
                        bySegment.put(helper.getKey(), c);
                    }
                }
                if (helper != null) {
                    seen.add(helper.getKey());
                }
                parts.add(c);
            }
            // segments merged away are forgotten
            bySegment.keySet().retainAll(seen);
            int first = Integer.MAX_VALUE, last = Integer.MIN_VALUE;
            for (Counts c : parts) {
                if (c.perDay().length > 0) {
                    first = Math.min(first, c.firstDay());
                    last = Math.max(last, c.firstDay() + c.perDay().length - 1);
                }
            }
            if (first > last) {
                return new Counts(0, null, 0, 0, new long[0]);
            }
            long[] sum = new long[last - first + 1];
            for (Counts c : parts) {
                for (int i = 0; i < c.perDay().length; i++) {
                    sum[c.firstDay() - first + i] += c.perDay()[i];
                }
            }
            return new Counts(0, null, r.numDocs(), first, sum);
        }

        /** Live documents per day, as {@link DayCountCollector} counts them over all documents. */
        private static Counts countSegment(LeafReader r) throws IOException {
            Bits live = r.getLiveDocs();
            int min = Integer.MAX_VALUE, max = Integer.MIN_VALUE;
            NumericDocValues day = r.getNumericDocValues(Schema.DAY);
            for (int d = day == null ? NumericDocValues.NO_MORE_DOCS : day.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = day.nextDoc()) {
                if (live == null || live.get(d)) {
                    min = Math.min(min, (int) day.longValue());
                    max = Math.max(max, (int) day.longValue());
                }
            }
            if (min > max) {
                return new Counts(0, null, 0, 0, new long[0]);
            }
            long[] perDay = new long[max - min + 1];
            day = r.getNumericDocValues(Schema.DAY);
            for (int d = day.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = day.nextDoc()) {
                if (live == null || live.get(d)) {
                    perDay[(int) day.longValue() - min]++;
                }
            }
            return new Counts(0, null, 0, min, perDay);
        }

        private static void write(Directory dir, SegmentInfos commit, Counts counts) throws IOException {
            String name = fileName(commit.getGeneration());
            String tmp = name + ".tmp";
            try (IndexOutput out = dir.createOutput(tmp, IOContext.DEFAULT)) {
                CodecUtil.writeHeader(out, CODEC, VERSION);
                out.writeLong(commit.getGeneration());
                out.writeBytes(commit.getId(), commit.getId().length);
                out.writeLong(counts.docs());
                out.writeInt(counts.firstDay());
                out.writeVInt(counts.perDay().length);
                for (long c : counts.perDay()) {
                    out.writeVLong(c);
                }
                CodecUtil.writeFooter(out);
            }
            // not synced: a file lost or torn by a crash fails its checksum and readers count instead, where an
            // fsync per commit cost 80-230 ms on the benchmark machine (70 commits in a 1.45M-article import)
            dir.rename(tmp, name);
            for (String f : dir.listAll()) {
                if (f.startsWith(PREFIX) && !f.equals(name)) {
                    // an older commit's file (or a left-over temporary one): harmless, tried again next commit
                    deleteQuietly(dir, f);
                }
            }
        }

        private static void deleteQuietly(Directory dir, String name) {
            try {
                dir.deleteFile(name);
            } catch (IOException e) {
                // nothing to clean, or not now
            }
        }
    }

    private DayTotals() {}
}

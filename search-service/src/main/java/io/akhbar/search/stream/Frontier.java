package io.akhbar.search.stream;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How far a stream had got in each partition of the enriched topic: per partition, the highest Kafka offset among the
 * articles streamed so far (or already searchable when the stream began). Immutable.
 *
 * <p>Why it makes resuming safe with several writers: a partition is indexed by one consumer at a time, in offset
 * order, and its next bulk waits for the one before. So within a partition nothing becomes searchable after an
 * article with a higher offset, whichever instance indexed it and whatever its {@code indexedAt}. An article that a
 * client missed because another writer's older bulk became searchable late has an offset above the frontier of its
 * partition, and a resume finds it there.
 */
final class Frontier {

    static final Frontier NONE = new Frontier(new int[0], new long[0]);
    /** Beyond this many partitions an event id would grow past what a header comfortably carries. */
    static final int MAX_PARTITIONS = 128;
    private static final Pattern TEXT = Pattern.compile("(\\d{1,9}\\.\\d{1,19})(,\\d{1,9}\\.\\d{1,19})*");

    /** Ascending. */
    private final int[] partitions;
    private final long[] offsets;

    private Frontier(int[] partitions, long[] offsets) {
        this.partitions = partitions;
        this.offsets = offsets;
    }

    /** This frontier, moved to {@code offset} in {@code partition} if that is further than it was. */
    Frontier advance(int partition, long offset) {
        int at = Arrays.binarySearch(partitions, partition);
        if (at >= 0) {
            if (offsets[at] >= offset) {
                return this;
            }
            long[] moved = offsets.clone();
            moved[at] = offset;
            return new Frontier(partitions, moved);
        }
        int insert = -at - 1;
        int[] morePartitions = new int[partitions.length + 1];
        long[] moreOffsets = new long[offsets.length + 1];
        System.arraycopy(partitions, 0, morePartitions, 0, insert);
        System.arraycopy(offsets, 0, moreOffsets, 0, insert);
        morePartitions[insert] = partition;
        moreOffsets[insert] = offset;
        System.arraycopy(partitions, insert, morePartitions, insert + 1, partitions.length - insert);
        System.arraycopy(offsets, insert, moreOffsets, insert + 1, offsets.length - insert);
        return new Frontier(morePartitions, moreOffsets);
    }

    /** Partition to offset, in partition order. */
    Map<Integer, Long> offsets() {
        Map<Integer, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < partitions.length; i++) {
            map.put(partitions[i], offsets[i]);
        }
        return map;
    }

    int size() {
        return partitions.length;
    }

    /** {@code partition.offset} pairs joined by commas; empty for {@link #NONE}. */
    String text() {
        StringBuilder text = new StringBuilder(partitions.length * 12);
        for (int i = 0; i < partitions.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(partitions[i]).append('.').append(offsets[i]);
        }
        return text.toString();
    }

    /** @throws IllegalArgumentException when {@code text} is not what {@link #text()} writes */
    static Frontier parse(String text) {
        if (text.isEmpty()) {
            return NONE;
        }
        if (!TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException("not a frontier");
        }
        String[] pairs = text.split(",");
        if (pairs.length > MAX_PARTITIONS) {
            throw new IllegalArgumentException("too many partitions");
        }
        Frontier frontier = NONE;
        for (String pair : pairs) {
            int dot = pair.indexOf('.');
            // NumberFormatException is an IllegalArgumentException: an offset beyond a long is refused as well.
            frontier = frontier.advance(Integer.parseInt(pair.substring(0, dot)),
                    Long.parseLong(pair.substring(dot + 1)));
        }
        return frontier;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Frontier that && Arrays.equals(partitions, that.partitions)
                && Arrays.equals(offsets, that.offsets);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(partitions) + Arrays.hashCode(offsets);
    }

    @Override
    public String toString() {
        return "Frontier[" + text() + "]";
    }
}

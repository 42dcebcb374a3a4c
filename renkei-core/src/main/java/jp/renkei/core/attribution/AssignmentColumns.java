package jp.renkei.core.attribution;

import java.util.Arrays;

/**
 * Assignments as parallel primitive arrays, no object per row. Two shapes share the code: the
 * narrow table keys rows by an IPv4 address ({@code v4}), the wide one by 128 bits and a prefix
 * length ({@code hi, lo, len}). Times are microseconds since the epoch (PostgreSQL's precision);
 * an open period ends at {@link Long#MAX_VALUE}. Sorted by key then start, with {@code maxTo} the
 * running maximum end within a key, so a lookup is one binary search and a short backward scan.
 */
final class AssignmentColumns {

    static final long OPEN = Long.MAX_VALUE;

    final boolean wide;
    int size;
    int[] v4;
    long[] hi;
    long[] lo;
    byte[] len;
    long[] from;
    long[] to;
    long[] maxTo;
    int[] subscriber;
    int[] line;
    byte[] source;
    char[] portFirst;
    char[] portLast;
    /** Narrow table only: each distinct address, where its rows start (plus an end sentinel), a hash of both. */
    int[] groupKey;
    int[] groupStart;
    int[] slots;

    AssignmentColumns(boolean wide, int capacity) {
        this.wide = wide;
        int c = Math.max(capacity, 16);
        if (wide) {
            hi = new long[c];
            lo = new long[c];
            len = new byte[c];
        } else {
            v4 = new int[c];
        }
        from = new long[c];
        to = new long[c];
        subscriber = new int[c];
        line = new int[c];
        source = new byte[c];
        portFirst = new char[c];
        portLast = new char[c];
    }

    void add(int address, long keyHi, long keyLo, int wideLength, long fromMicros, long toMicros, int subscriberIndex,
             int lineIndex, int sourceIndex, int firstPort, int lastPort) {
        if (size == from.length) {
            grow(size + (size >> 1) + 16);
        }
        int i = size++;
        if (wide) {
            hi[i] = keyHi;
            lo[i] = keyLo;
            len[i] = (byte) wideLength;
        } else {
            v4[i] = address;
        }
        from[i] = fromMicros;
        to[i] = toMicros;
        subscriber[i] = subscriberIndex;
        line[i] = lineIndex;
        source[i] = (byte) sourceIndex;
        portFirst[i] = (char) firstPort;
        portLast[i] = (char) lastPort;
    }

    private void grow(int capacity) {
        if (wide) {
            hi = Arrays.copyOf(hi, capacity);
            lo = Arrays.copyOf(lo, capacity);
            len = Arrays.copyOf(len, capacity);
        } else {
            v4 = Arrays.copyOf(v4, capacity);
        }
        from = Arrays.copyOf(from, capacity);
        to = Arrays.copyOf(to, capacity);
        subscriber = Arrays.copyOf(subscriber, capacity);
        line = Arrays.copyOf(line, capacity);
        source = Arrays.copyOf(source, capacity);
        portFirst = Arrays.copyOf(portFirst, capacity);
        portLast = Arrays.copyOf(portLast, capacity);
    }

    /** A sorted, trimmed copy with {@code maxTo} filled in; this builder stays usable. */
    AssignmentColumns sorted() {
        int[] order = order();
        AssignmentColumns s = new AssignmentColumns(wide, 0);
        s.size = size;
        if (wide) {
            s.hi = permute(hi, order);
            s.lo = permute(lo, order);
            s.len = new byte[size];
            for (int i = 0; i < size; i++) {
                s.len[i] = len[order[i]];
            }
        } else {
            s.v4 = new int[size];
            for (int i = 0; i < size; i++) {
                s.v4[i] = v4[order[i]];
            }
        }
        s.from = permute(from, order);
        s.to = permute(to, order);
        s.subscriber = new int[size];
        s.line = new int[size];
        s.source = new byte[size];
        s.portFirst = new char[size];
        s.portLast = new char[size];
        for (int i = 0; i < size; i++) {
            int o = order[i];
            s.subscriber[i] = subscriber[o];
            s.line[i] = line[o];
            s.source[i] = source[o];
            s.portFirst[i] = portFirst[o];
            s.portLast[i] = portLast[o];
        }
        s.maxTo = new long[size];
        for (int i = 0; i < size; i++) {
            s.maxTo[i] = i > 0 && s.sameKey(i - 1, i) ? Math.max(s.maxTo[i - 1], s.to[i]) : s.to[i];
        }
        if (!wide) {
            s.groups();
        }
        return s;
    }

    /** Groups rows by address and hashes the addresses: one probe instead of a binary search over all rows. */
    private void groups() {
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (i == 0 || v4[i] != v4[i - 1]) {
                count++;
            }
        }
        groupKey = new int[count];
        groupStart = new int[count + 1];
        int g = 0;
        for (int i = 0; i < size; i++) {
            if (i == 0 || v4[i] != v4[i - 1]) {
                groupKey[g] = v4[i];
                groupStart[g++] = i;
            }
        }
        groupStart[count] = size;
        slots = new int[Integer.highestOneBit(Math.max(count, 1) * 2 - 1) << 1];
        int mask = slots.length - 1;
        for (g = 0; g < count; g++) {
            int h = mix(groupKey[g]) & mask;
            while (slots[h] != 0) {
                h = (h + 1) & mask;
            }
            slots[h] = g + 1;
        }
    }

    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** The group of rows of this address, or -1 (narrow table). */
    int group(int address) {
        int mask = slots.length - 1;
        for (int h = mix(address) & mask; slots[h] != 0; h = (h + 1) & mask) {
            int g = slots[h] - 1;
            if (groupKey[g] == address) {
                return g;
            }
        }
        return -1;
    }

    /** The last row of the group starting at or before {@code fromAtMost}, or {@code groupStart[g] - 1}. */
    int lastInGroupAtOrBefore(int g, long fromAtMost) {
        int low = groupStart[g];
        int high = groupStart[g + 1] - 1;
        int found = low - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (from[mid] <= fromAtMost) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }

    private boolean sameKey(int a, int b) {
        return wide ? hi[a] == hi[b] && lo[a] == lo[b] && len[a] == len[b] : v4[a] == v4[b];
    }

    private static long[] permute(long[] column, int[] order) {
        long[] r = new long[order.length];
        for (int i = 0; i < order.length; i++) {
            r[i] = column[order[i]];
        }
        return r;
    }

    /** Row order by (key, from). The narrow table sorts packed longs: no boxing for 10M rows. */
    private int[] order() {
        int[] order = new int[size];
        if (!wide) {
            long[] packed = new long[size];
            for (int i = 0; i < size; i++) {
                packed[i] = ((long) v4[i] << 32) | i;
            }
            Arrays.sort(packed);
            for (int i = 0; i < size; i++) {
                order[i] = (int) packed[i];
            }
            // Within one address, rows usually arrive in time order already; sort only groups that do not.
            int start = 0;
            for (int i = 1; i <= size; i++) {
                if (i == size || v4[order[i]] != v4[order[start]]) {
                    sortGroupByFrom(order, start, i);
                    start = i;
                }
            }
            return order;
        }
        Integer[] boxed = new Integer[size];
        for (int i = 0; i < size; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> {
            int c = Integer.compare(len[a] & 0xff, len[b] & 0xff);
            if (c == 0) {
                c = Long.compare(hi[a], hi[b]);
            }
            if (c == 0) {
                c = Long.compare(lo[a], lo[b]);
            }
            return c != 0 ? c : Long.compare(from[a], from[b]);
        });
        for (int i = 0; i < size; i++) {
            order[i] = boxed[i];
        }
        return order;
    }

    private void sortGroupByFrom(int[] order, int start, int end) {
        for (int i = start + 1; i < end; i++) {
            if (from[order[i - 1]] > from[order[i]]) {
                Integer[] group = new Integer[end - start];
                for (int j = start; j < end; j++) {
                    group[j - start] = order[j];
                }
                Arrays.sort(group, (a, b) -> Long.compare(from[a], from[b]));
                for (int j = start; j < end; j++) {
                    order[j] = group[j - start];
                }
                return;
            }
        }
    }

    /** The last row with (length, hi, lo, from) at or before (…, fromAtMost), or -1 (wide table). */
    int lastAtOrBefore(int wideLength, long keyHi, long keyLo, long fromAtMost) {
        int low = 0;
        int high = size - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = Integer.compare(len[mid] & 0xff, wideLength);
            if (c == 0) {
                c = Long.compare(hi[mid], keyHi);
            }
            if (c == 0) {
                c = Long.compare(lo[mid], keyLo);
            }
            if (c < 0 || (c == 0 && from[mid] <= fromAtMost)) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }

    long bytes() {
        long perRow = (wide ? 17 : 4) + 8 * 3 + 4 + 4 + 1 + 2 + 2;
        long grouping = groupKey == null ? 0 : 4L * (groupKey.length + groupStart.length + slots.length);
        return perRow * from.length + grouping;
    }
}

package jp.renkei.core.imports;

import java.util.NoSuchElementException;

/** Base for readers that compute the next record on demand and hold at most one in memory. */
public abstract class LookaheadReader<T> implements RecordReader<T> {

    private Parsed<T> next;
    private boolean finished;

    /** Reads the next record, or returns {@code null} at the end of the input. */
    protected abstract Parsed<T> fetch();

    @Override
    public final boolean hasNext() {
        if (next == null && !finished) {
            next = fetch();
            finished = next == null;
        }
        return next != null;
    }

    @Override
    public final Parsed<T> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Parsed<T> result = next;
        next = null;
        return result;
    }
}

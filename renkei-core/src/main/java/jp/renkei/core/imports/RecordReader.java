package jp.renkei.core.imports;

import java.util.Iterator;

/** Streams the records of one import file, one at a time, so files of any size fit in memory. */
public interface RecordReader<T> extends Iterator<Parsed<T>>, AutoCloseable {

    /** Releases the underlying stream; never throws a checked exception. */
    @Override
    void close();
}

package jp.renkei.core.imports;

import java.util.Iterator;
import java.util.List;

/** Streams the records of one import file, one at a time, so files of any size fit in memory. */
public interface RecordReader<T> extends Iterator<Parsed<T>>, AutoCloseable {

    /**
     * Alarms raised so far (header alarms right after opening, value alarms as rows are read);
     * read it again after the last record. Each distinct alarm appears once.
     */
    default List<ReaderAlarm> alarms() {
        return List.of();
    }

    /** Releases the underlying stream; never throws a checked exception. */
    @Override
    void close();
}

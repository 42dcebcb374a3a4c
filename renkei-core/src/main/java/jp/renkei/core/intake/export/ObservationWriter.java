package jp.renkei.core.intake.export;

import java.io.IOException;

/** Writes observations one at a time to a stream, so an export of any size runs in bounded memory. */
public interface ObservationWriter {

    /** Writes whatever precedes the first observation (a CSV header; nothing for JSON lines). */
    void begin() throws IOException;

    /** Writes one observation. */
    void write(ExportedObservation observation) throws IOException;
}

package jp.renkei.server.vendor.psirt;

import java.util.List;

/** What became of saving a vulnerability record. */
public sealed interface RecordSave {

    /** Stored as shown. */
    record Saved(VulnerabilityRecord record) implements RecordSave {}

    /** Nothing was stored; each problem names its field. */
    record Invalid(List<Problem> problems) implements RecordSave {}

    /** No such record in the organisation. */
    record NotFound() implements RecordSave {}
}

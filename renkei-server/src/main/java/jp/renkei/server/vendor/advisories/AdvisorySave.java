package jp.renkei.server.vendor.advisories;

import java.util.List;

import jp.renkei.server.vendor.psirt.Problem;

/** What became of creating, publishing or importing an advisory. */
public sealed interface AdvisorySave {

    /** Stored as shown. */
    record Saved(VendorAdvisory advisory) implements AdvisorySave {}

    /** Nothing was stored (or published); each problem names its field or the document's JSON pointer. */
    record Invalid(List<Problem> problems) implements AdvisorySave {

        public Invalid {
            problems = List.copyOf(problems);
        }
    }

    /** No such advisory (or record) in the organisation. */
    record NotFound() implements AdvisorySave {}
}

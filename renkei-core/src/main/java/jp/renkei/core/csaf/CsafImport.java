package jp.renkei.core.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import jp.renkei.core.csaf.validation.Finding;

/** The outcome of importing another party's CSAF document. */
public sealed interface CsafImport {

    /**
     * A valid document: the model Renkei works with, the document exactly as received (nothing is lost),
     * and the JSON pointers of the parts the model does not represent (e.g. acknowledgments).
     */
    record Imported(Advisory advisory, JsonNode document, List<String> unmodelled) implements CsafImport {

        public Imported {
            unmodelled = List.copyOf(unmodelled);
        }
    }

    /** Not imported: why, each finding with the JSON pointer (or line and column when it is not JSON). */
    record Rejected(List<Finding> findings) implements CsafImport {

        public Rejected {
            findings = List.copyOf(findings);
        }
    }
}

package jp.renkei.core.csaf;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import jp.renkei.core.csaf.validation.CsafValidator;
import jp.renkei.core.csaf.validation.Finding;
import jp.renkei.core.csaf.validation.ValidationReport;

/**
 * Imports other parties' CSAF 2.0 documents. A document must be JSON, pass the bundled schema and
 * every mandatory test; otherwise it is rejected with every finding. A valid document is mapped to
 * the model, and whatever the model does not hold is listed, never dropped unnoticed.
 */
public final class CsafReader {

    /** The test name for input that is not a single JSON value. */
    public static final String NOT_JSON = "json";

    private CsafReader() {
    }

    /** Reads the bytes of one CSAF document. */
    public static CsafImport read(byte[] json) {
        JsonNode document;
        try {
            document = CanonicalJson.read(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            return new CsafImport.Rejected(List.of(new Finding(NOT_JSON, "", where + e.getOriginalMessage())));
        }
        return read(document);
    }

    /** Reads an already parsed CSAF document. */
    public static CsafImport read(JsonNode document) {
        ValidationReport report = CsafValidator.validate(document);
        if (!report.valid()) {
            return new CsafImport.Rejected(report.findings());
        }
        Advisory advisory;
        try {
            advisory = new TreeMapping().advisory(document);
        } catch (TreeMapping.MappingException e) {
            return new CsafImport.Rejected(List.of(new Finding(Finding.SCHEMA, e.pointer(), e.getMessage())));
        }
        List<String> unmodelled = new ArrayList<>();
        missing(document, CsafWriter.toJson(advisory), "", unmodelled);
        return new CsafImport.Imported(advisory, document, unmodelled);
    }

    /** Collects the pointers of members present in {@code source} but absent from {@code rewritten}. */
    private static void missing(JsonNode source, JsonNode rewritten, String pointer, List<String> into) {
        if (source.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                JsonNode counterpart = rewritten.path(field.getKey());
                if (counterpart.isMissingNode()) {
                    into.add(child);
                } else {
                    missing(field.getValue(), counterpart, child, into);
                }
            }
        } else if (source.isArray()) {
            for (int i = 0; i < source.size(); i++) {
                JsonNode counterpart = rewritten.path(i);
                if (counterpart.isMissingNode()) {
                    into.add(pointer + "/" + i);
                } else {
                    missing(source.get(i), counterpart, pointer + "/" + i, into);
                }
            }
        }
    }
}

package jp.renkei.core.csaf.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;

/** One mandatory test of CSAF 2.0 section 6.1, named by its number and title. */
public final class MandatoryTest {

    private final String id;
    private final String title;
    private final Function<At, List<Finding>> check;

    MandatoryTest(String id, String title, Function<At, List<Finding>> check) {
        this.id = id;
        this.title = title;
        this.check = check;
    }

    /** The section number, e.g. {@code 6.1.6}. */
    public String id() {
        return id;
    }

    /** The section title, e.g. {@code Contradicting Product Status}. */
    public String title() {
        return title;
    }

    /**
     * The findings for {@code document}; empty when it passes. A test looks only at the parts it is about
     * and tolerates anything else being absent or malformed (the schema reports that).
     */
    public List<Finding> run(JsonNode document) {
        return check.apply(At.root(document));
    }

    @Override
    public String toString() {
        return id + " " + title;
    }
}

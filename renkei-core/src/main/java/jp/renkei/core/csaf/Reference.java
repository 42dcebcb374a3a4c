package jp.renkei.core.csaf;

import java.net.URI;
import java.util.Objects;

/** A link to further information; {@code self} references point at this document's own copy. */
public record Reference(Category category, URI url, String summary) {

    /** Whether the reference points to this document or elsewhere. */
    public enum Category implements CsafEnum {
        EXTERNAL, SELF
    }

    public Reference {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(summary, "summary");
    }
}

package jp.renkei.server.platform;

import java.util.List;

/**
 * Implemented by a module's store that keeps secrets in clear-but-sealed columns, so the startup
 * sweep seals what an older Renkei stored as plain text there.
 */
public interface SecretColumns {

    /** The columns this store seals with {@link SecretBox}; each holds text, empty or null when unset. */
    List<SealedColumn> sealedColumns();
}

package jp.renkei.server.platform;

import java.util.Objects;

/**
 * A database column that holds a secret Renkei must use in clear (a RADIUS shared secret, an IMAP
 * password, a gateway token), so it is sealed by {@link SecretBox} rather than hashed. Its
 * {@code table.column} name is the purpose the value is bound to: a value copied into another
 * column does not open there.
 */
public record SealedColumn(String table, String column) {

    /** Rejects names that are not plain SQL identifiers (they are written into the sweep's SQL). */
    public SealedColumn {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        if (!table.matches("[a-z_][a-z0-9_]*") || !column.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain table and column name: " + table + "." + column);
        }
    }

    /** {@code table.column}: the associated data of every value sealed for this column, and how errors name it. */
    public String purpose() {
        return table + "." + column;
    }

    @Override
    public String toString() {
        return purpose();
    }
}

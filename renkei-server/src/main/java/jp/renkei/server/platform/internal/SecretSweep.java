package jp.renkei.server.platform.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jp.renkei.server.platform.SealedColumn;
import jp.renkei.server.platform.SecretBox;
import jp.renkei.server.platform.SecretColumns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At startup, before any collector, receiver or page uses them, seals the secrets an older Renkei
 * stored as plain text, so an upgraded install ends with none. One transaction per table; rows
 * already sealed are left alone, so running it again changes nothing.
 */
@Component
public class SecretSweep implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SecretSweep.class);

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final TransactionTemplate transaction;
    private final List<SecretColumns> stores;

    SecretSweep(JdbcClient jdbc, SecretBox box, TransactionTemplate transaction, List<SecretColumns> stores) {
        this.jdbc = jdbc;
        this.box = box;
        this.transaction = transaction;
        this.stores = stores;
    }

    @Override
    public void afterSingletonsInstantiated() {
        sweep();
    }

    /** Seals every plain-text secret in every sealed column; returns how many values it sealed. */
    public int sweep() {
        Map<String, List<SealedColumn>> byTable = stores.stream().flatMap(s -> s.sealedColumns().stream())
                .collect(Collectors.groupingBy(SealedColumn::table, LinkedHashMap::new, Collectors.toList()));
        int sealed = 0;
        for (var table : byTable.entrySet()) {
            int count = transaction.execute(status -> table.getValue().stream().mapToInt(this::seal).sum());
            if (count > 0) {
                log.info("Sealed {} plain-text secret(s) in table {}", count, table.getKey());
            }
            sealed += count;
        }
        return sealed;
    }

    private int seal(SealedColumn column) {
        // The row's physical address is stable while it is locked; each row is updated once.
        record Plain(String ctid, String value) {}
        List<Plain> plain = jdbc.sql("select ctid::text, " + column.column() + " from " + column.table()
                        + " where " + column.column() + " <> '' and " + column.column() + " not like :prefix"
                        + " for update")
                .param("prefix", SecretBox.PREFIX + "%")
                .query((rs, i) -> new Plain(rs.getString(1), rs.getString(2))).list();
        for (Plain p : plain) {
            jdbc.sql("update " + column.table() + " set " + column.column() + " = ? where ctid = cast(? as tid)")
                    .params(box.seal(column, p.value()), p.ctid()).update();
        }
        return plain.size();
    }
}

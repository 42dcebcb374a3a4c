package jp.renkei.server.attribution.radius;

import java.net.SocketAddress;
import java.util.List;

import jp.renkei.core.attribution.AccountingRecord;
import jp.renkei.server.attribution.NasClient;

/** An authentic Accounting-Request waiting to be stored; answered only after its batch commits. */
record Pending(NasClient client, SocketAddress replyTo, PacketKey key, int identifier, byte[] requestAuthenticator,
               List<AccountingRecord> records) {
}

package jp.renkei.server.platform;

import java.util.ArrayList;
import java.util.List;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/** A setting that lists networks: comma-separated addresses or prefixes, each read as its prefix block. */
final class NetworkList {

    private NetworkList() {}

    /**
     * The networks in {@code value}; blank entries are skipped.
     *
     * @throws IllegalArgumentException naming {@code setting} and the entry that is no address or prefix
     */
    static List<IPAddress> parse(String setting, String value) {
        List<IPAddress> list = new ArrayList<>();
        for (String entry : value.split(",")) {
            if (!entry.isBlank()) {
                IPAddress a = new IPAddressString(entry.strip()).getAddress();
                if (a == null) {
                    throw new IllegalArgumentException(setting + ": '" + entry.strip() + "' is not an address or prefix");
                }
                list.add(a.toPrefixBlock());
            }
        }
        return List.copyOf(list);
    }
}

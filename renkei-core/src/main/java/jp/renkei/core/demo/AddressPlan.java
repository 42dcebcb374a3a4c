package jp.renkei.core.demo;

import java.util.ArrayList;
import java.util.List;
import jp.renkei.core.attribution.IpPrefix;

/**
 * Where the synthetic ISP's addresses come from. The first two /24 blocks of the dynamic pool are
 * documentation ranges (RFC 5737); larger ISPs continue in 10.0.0.0/8 as stand-in public space.
 * CGNAT subscribers sit in 100.64.0.0/10 behind 198.18.0.0/15 (32 blocks of 2016 ports per public
 * address); delegated IPv6 prefixes are /56s of 2001:db8:8000::/33.
 */
final class AddressPlan {

    static final int HOSTS_PER_BLOCK = 254;
    static final int BLOCKS_PER_PUBLIC_IP = 32;
    static final int PORTS_PER_BLOCK = 2_016;
    static final int FIRST_PORT = 1_024;
    static final String IPV6_SPACE = "2001:db8:8000::/33";

    final int poolSize;
    final int poolBlocks;
    final int nasCount;
    final int cgnatBlocks;

    AddressPlan(int publicSubscribers, int cgnatSubscribers) {
        poolSize = Math.max(2 * HOSTS_PER_BLOCK, (int) Math.ceil(publicSubscribers * 0.508));
        poolBlocks = (poolSize + HOSTS_PER_BLOCK - 1) / HOSTS_PER_BLOCK;
        nasCount = Math.max(2, Math.min(200, poolBlocks / 4));
        cgnatBlocks = cgnatSubscribers == 0 ? 0
                : Math.max(2 * BLOCKS_PER_PUBLIC_IP, (int) Math.ceil(cgnatSubscribers * 0.6));
    }

    static String poolIp(int index) {
        int block = index / HOSTS_PER_BLOCK;
        int host = index % HOSTS_PER_BLOCK + 1;
        return switch (block) {
            case 0 -> "203.0.113." + host;
            case 1 -> "198.51.100." + host;
            default -> "10." + ((block - 2) >> 8) + "." + ((block - 2) & 0xff) + "." + host;
        };
    }

    String nas(int n) {
        return "192.0.2." + (1 + n);
    }

    int nasOfPool(int poolIndex) {
        return (poolIndex / HOSTS_PER_BLOCK) % nasCount;
    }

    int nasOfInside(int cgnatNumber) {
        return (cgnatNumber / HOSTS_PER_BLOCK) % nasCount;
    }

    static String insideIp(int cgnatNumber) {
        int a = 0x6440_0000 + cgnatNumber;
        return "100." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff);
    }

    static String cgnatPublicIp(int block) {
        int a = 0xC612_0000 + block / BLOCKS_PER_PUBLIC_IP;
        return "198." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff);
    }

    static int cgnatFirstPort(int block) {
        return FIRST_PORT + (block % BLOCKS_PER_PUBLIC_IP) * PORTS_PER_BLOCK;
    }

    static String ipv6Prefix(int index) {
        return "2001:db8:" + Integer.toHexString(0x8000 + (index >> 8)) + ":" + Integer.toHexString((index & 0xff) << 8)
                + "::/56";
    }

    /** Every prefix the ISP's addresses come from, for the attribution policy's pools. */
    List<IpPrefix> pools() {
        List<IpPrefix> pools = new ArrayList<>();
        for (int b = 0; b < poolBlocks; b++) {
            pools.add(IpPrefix.parse(poolIp(b * HOSTS_PER_BLOCK).replaceAll("\\.\\d+$", ".0") + "/24"));
        }
        pools.add(IpPrefix.parse("100.64.0.0/10"));
        pools.add(IpPrefix.parse("198.18.0.0/15"));
        pools.add(IpPrefix.parse(IPV6_SPACE));
        return pools;
    }
}

package jp.renkei.server.attribution.radius;

import java.nio.ByteBuffer;

/**
 * What makes a retransmission the same packet (RFC 2865 section 3, RFC 5080 section 2.2.2):
 * source address and port, identifier and request authenticator.
 */
record PacketKey(String source, int port, int identifier, ByteBuffer authenticator) {
}

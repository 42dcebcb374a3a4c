package jp.renkei.core.attribution;

/**
 * Which attribute of a log record names the subscriber; set per source, because ISPs key their
 * customer systems differently (login name, line, CPE MAC). A record without it is rejected.
 */
public enum SubscriberKey {
    /** RADIUS User-Name (PPPoE login). */
    USER_NAME,
    /** RADIUS Calling-Station-Id (usually the CPE MAC or the line). */
    CALLING_STATION_ID,
    /** DHCP option 82 circuit-id, RADIUS NAS-Port-Id: the access line. */
    CIRCUIT_ID,
    /** DHCP option 82 remote-id. */
    REMOTE_ID,
    /** The client's hardware (MAC) address. */
    HARDWARE_ADDRESS,
    /** DHCPv4 client-id or DHCPv6 DUID. */
    CLIENT_ID,
    /** The host name the client sent. */
    HOSTNAME
}

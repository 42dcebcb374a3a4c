package jp.renkei.core.radius;

/** Attribute type numbers (RFC 2865, 2866, 3162, 4818, 5176) that Renkei reads or writes. */
public final class RadiusAttributeType {

    public static final int USER_NAME = 1;
    public static final int NAS_IP_ADDRESS = 4;
    public static final int NAS_PORT = 5;
    public static final int FRAMED_IP_ADDRESS = 8;
    public static final int FILTER_ID = 11;
    public static final int REPLY_MESSAGE = 18;
    public static final int CLASS = 25;
    public static final int VENDOR_SPECIFIC = 26;
    public static final int CALLED_STATION_ID = 30;
    public static final int CALLING_STATION_ID = 31;
    public static final int NAS_IDENTIFIER = 32;
    public static final int ACCT_STATUS_TYPE = 40;
    public static final int ACCT_DELAY_TIME = 41;
    public static final int ACCT_SESSION_ID = 44;
    public static final int ACCT_SESSION_TIME = 46;
    public static final int ACCT_TERMINATE_CAUSE = 49;
    public static final int EVENT_TIMESTAMP = 55;
    public static final int MESSAGE_AUTHENTICATOR = 80;
    public static final int NAS_PORT_ID = 87;
    public static final int NAS_IPV6_ADDRESS = 95;
    public static final int FRAMED_IPV6_PREFIX = 97;
    public static final int ERROR_CAUSE = 101;
    public static final int DELEGATED_IPV6_PREFIX = 123;
    public static final int FRAMED_IPV6_ADDRESS = 168;

    private RadiusAttributeType() {
    }
}

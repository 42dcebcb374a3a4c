package jp.renkei.core.radius;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A vendor-specific attribute an ISP configures for its NAS, such as Cisco-AVPair (vendor 9,
 * type 1) {@code subscriber:service-name=walled-garden}: what the NAS needs to put a session into
 * quarantine beyond Filter-Id.
 */
public record VendorAttribute(long vendorId, int vendorType, byte[] value) {

    private static final Pattern TEXT = Pattern.compile("\\s*(\\d+)\\s*:\\s*(\\d+)\\s*=(.*)", Pattern.DOTALL);

    /** Checks the numbers and the length by building the attribute once. */
    public VendorAttribute {
        value = value.clone();
        RadiusAttribute.vendorSpecific(vendorId, vendorType, value);
    }

    /** A text value in UTF-8. */
    public static VendorAttribute text(long vendorId, int vendorType, String value) {
        return new VendorAttribute(vendorId, vendorType, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses the configuration form {@code vendor:type=value}, e.g.
     * {@code 9:1=subscriber:service-name=walled-garden}; a value starting with {@code 0x} is hex
     * (for integer and binary attributes), anything else UTF-8 text.
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static VendorAttribute parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("vendor attribute '" + text + "' is not vendor:type=value,"
                    + " e.g. 9:1=subscriber:service-name=walled-garden");
        }
        try {
            long vendor = Long.parseLong(m.group(1));
            int type = Integer.parseInt(m.group(2));
            String value = m.group(3);
            if (value.startsWith("0x")) {
                return new VendorAttribute(vendor, type, HexFormat.of().parseHex(value.substring(2)));
            }
            return text(vendor, type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("vendor attribute '" + text + "': " + e.getMessage(), e);
        }
    }

    /** The attribute on the wire. */
    public RadiusAttribute toAttribute() {
        return RadiusAttribute.vendorSpecific(vendorId, vendorType, value);
    }

    /** The value, copied. */
    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VendorAttribute v && vendorId == v.vendorId && vendorType == v.vendorType
                && Arrays.equals(value, v.value);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(vendorId) * 31 * 31 + vendorType * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return vendorId + ":" + vendorType + "=0x" + HexFormat.of().formatHex(value);
    }
}

package jp.renkei.core.quarantine;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A destination a quarantined subscriber may still reach by name, such as the vendor's firmware
 * site or the ISP's portal: {@code firmware.vendor.example} is that name only,
 * {@code *.firmware.vendor.example} every name below it (list both for both).
 *
 * @param name the host name in ASCII (A-labels), lower case, without a trailing dot
 * @param subdomains whether the entry stands for the names below {@code name} instead of the name
 */
public record AllowedDestination(String name, boolean subdomains) implements Comparable<AllowedDestination> {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");

    /** Normalises the name (IDN to A-labels, lower case) and rejects anything that is no host name. */
    public AllowedDestination {
        String given = name;
        String ascii;
        try {
            ascii = IDN.toASCII(name == null ? "" : name.strip(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("allowed destination '" + given + "' is not a host name: " + e.getMessage());
        }
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        if (ascii.isEmpty() || ascii.length() > 200 || !ascii.contains(".")) {
            throw new IllegalArgumentException("allowed destination '" + given
                    + "' is not a host name with at least two labels");
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("allowed destination '" + given + "' has an invalid label '"
                        + label + "'");
            }
        }
        name = ascii;
    }

    /** Parses {@code host.example} or {@code *.host.example}. */
    public static AllowedDestination parse(String text) {
        String t = text == null ? "" : text.strip();
        return t.startsWith("*.") ? new AllowedDestination(t.substring(2), true) : new AllowedDestination(t, false);
    }

    /** The owner name inside the policy zone, relative to its origin. */
    public String ownerName() {
        return subdomains ? "*." + name : name;
    }

    @Override
    public int compareTo(AllowedDestination o) {
        return ownerName().compareTo(o.ownerName());
    }

    @Override
    public String toString() {
        return ownerName();
    }
}

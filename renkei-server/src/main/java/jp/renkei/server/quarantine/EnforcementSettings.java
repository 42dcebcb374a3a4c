package jp.renkei.server.quarantine;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jp.renkei.core.quarantine.AllowedDestination;
import jp.renkei.core.quarantine.GardenAnswer;
import jp.renkei.core.quarantine.ResponsePolicyZones;
import jp.renkei.core.radius.DynamicAuthorizationClient;
import jp.renkei.core.radius.VendorAttribute;

/**
 * How one organisation enforces a quarantine: a RADIUS CoA or Disconnect-Request to the NAS of the
 * subscriber's session, and the BIND response-policy zones. An adapter that is off is recorded in
 * the ledger as disabled, never skipped silently.
 *
 * @param radiusAction {@code off}, {@code coa} or {@code disconnect}
 * @param coaPort the NAS's dynamic-authorisation port (RFC 5176: 3799)
 * @param filterId the Filter-Id a CoA puts the session in the garden with (may be empty with vendor attributes)
 * @param vendorAttributes {@code vendor:type=value} per attribute, sent with the quarantine CoA
 * @param releaseFilterId the Filter-Id a release CoA restores; with no release attributes, release disconnects
 * @param releaseVendorAttributes vendor attributes of the release CoA
 * @param rpzEnabled whether the policy zones are written and the reload command run
 * @param gardenIpv4 the garden's IPv4 address answered to quarantined clients (or empty)
 * @param gardenIpv6 the garden's IPv6 address (or empty)
 * @param gardenHost a host name answered as CNAME instead of addresses (or empty)
 * @param reloadCommand the command run after writing the zones, one argument per element (no shell)
 */
public record EnforcementSettings(String radiusAction, int coaPort, String filterId, List<String> vendorAttributes,
        String releaseFilterId, List<String> releaseVendorAttributes, boolean rpzEnabled, String gardenIpv4,
        String gardenIpv6, String gardenHost, List<String> reloadCommand) {

    /** The default reload command. */
    public static final List<String> RNDC_RELOAD = List.of("rndc", "reload");

    /**
     * Checks every field and names the one that is wrong.
     *
     * @throws IllegalArgumentException naming the field
     */
    public EnforcementSettings {
        radiusAction = radiusAction == null ? "off" : radiusAction.strip().toLowerCase(Locale.ROOT);
        if (!List.of("off", "coa", "disconnect").contains(radiusAction)) {
            throw new IllegalArgumentException("radiusAction: '" + radiusAction + "' is not off, coa or disconnect");
        }
        if (coaPort < 1 || coaPort > 65_535) {
            throw new IllegalArgumentException("coaPort: " + coaPort + " is outside 1..65535");
        }
        filterId = strip(filterId);
        releaseFilterId = strip(releaseFilterId);
        vendorAttributes = clean(vendorAttributes);
        releaseVendorAttributes = clean(releaseVendorAttributes);
        vendorAttributes.forEach(v -> parse("vendorAttributes", v));
        releaseVendorAttributes.forEach(v -> parse("releaseVendorAttributes", v));
        if (radiusAction.equals("coa") && filterId.isEmpty() && vendorAttributes.isEmpty()) {
            throw new IllegalArgumentException("filterId: a CoA needs a Filter-Id or vendor attributes to put the"
                    + " session in the walled garden");
        }
        gardenIpv4 = strip(gardenIpv4);
        gardenIpv6 = strip(gardenIpv6);
        gardenHost = strip(gardenHost);
        reloadCommand = clean(reloadCommand);
        if (rpzEnabled) {
            try {
                gardenOf(gardenIpv4, gardenIpv6, gardenHost);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("gardenIpv4: " + e.getMessage());
            }
            if (reloadCommand.isEmpty()) {
                throw new IllegalArgumentException("reloadCommand: empty; e.g. rndc and reload on two lines");
            }
        }
    }

    /** Nothing enforced: what an organisation has until an administrator configures it. */
    public static EnforcementSettings off() {
        return new EnforcementSettings("off", DynamicAuthorizationClient.DEFAULT_PORT, "", List.of(), "", List.of(),
                false, "", "", "", RNDC_RELOAD);
    }

    /** Splits a text area into its non-blank lines. */
    public static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    /** Whether the RADIUS adapter acts. */
    public boolean radiusEnabled() {
        return !radiusAction.equals("off");
    }

    /** The quarantine CoA's vendor attributes. */
    public List<VendorAttribute> quarantineAttributes() {
        return vendorAttributes.stream().map(v -> parse("vendorAttributes", v)).toList();
    }

    /** The release CoA's vendor attributes. */
    public List<VendorAttribute> releaseAttributes() {
        return releaseVendorAttributes.stream().map(v -> parse("releaseVendorAttributes", v)).toList();
    }

    /** Whether a release is a CoA (release attributes given) rather than a Disconnect-Request. */
    public boolean releaseByCoa() {
        return radiusAction.equals("coa") && (!releaseFilterId.isEmpty() || !releaseVendorAttributes.isEmpty());
    }

    /** What a quarantined client's resolver answers: the alias when a host is given, else the addresses. */
    public GardenAnswer garden() {
        return gardenOf(gardenIpv4, gardenIpv6, gardenHost);
    }

    private static GardenAnswer gardenOf(String ipv4, String ipv6, String host) {
        if (!host.isEmpty()) {
            return new GardenAnswer.Alias(AllowedDestination.parse(host));
        }
        return new GardenAnswer.Addresses(Optional.of(ipv4).filter(s -> !s.isEmpty()),
                Optional.of(ipv6).filter(s -> !s.isEmpty()));
    }

    /** The zones to write. */
    public ResponsePolicyZones zones() {
        return ResponsePolicyZones.standard(garden());
    }

    private static VendorAttribute parse(String field, String text) {
        try {
            return VendorAttribute.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}

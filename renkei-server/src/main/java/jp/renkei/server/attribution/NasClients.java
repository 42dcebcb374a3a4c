package jp.renkei.server.attribution;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.renkei.core.net.IpAddresses;
import jp.renkei.core.radius.SubscriberAttribute;
import jp.renkei.server.attribution.internal.NasClientStore;
import jp.renkei.server.platform.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The NAS clients allowed to send RADIUS accounting, per organisation. The receiver resolves
 * every packet's source here from memory; changes reload that table at once.
 * {@code renkei.radius.secret} is the default secret for sources on loopback that are not
 * registered, and such packets belong to the first (bootstrap) organisation.
 */
@Service
public class NasClients {

    /** Audit action for a NAS client added or changed; its secret is never written. */
    public static final String AUDIT_PUT = "nas-client-saved";
    /** Audit action for a NAS client removed. */
    public static final String AUDIT_DELETE = "nas-client-deleted";

    private final NasClientStore store;
    private final AuditLog audit;
    private final String defaultSecret;
    private volatile Map<String, NasClient> byAddress;
    private volatile Long firstOrganisation;

    NasClients(NasClientStore store, AuditLog audit, @Value("${renkei.radius.secret:}") String defaultSecret) {
        this.store = store;
        this.audit = audit;
        this.defaultSecret = defaultSecret;
    }

    /** The organisation's clients, by address. */
    public List<NasClient> list(long organisationId) {
        return store.of(organisationId);
    }

    /**
     * Adds or replaces the organisation's client at {@code address} (audited, secret not
     * written). Returns false when the address is another organisation's client.
     *
     * @throws IllegalArgumentException for an address that is not one IP address or an empty secret
     */
    @Transactional
    public boolean put(long organisationId, String actor, String address, String name, String secret,
            SubscriberAttribute subscriberAttribute) {
        NasClient client = new NasClient(IpAddresses.canonical(address), organisationId, name, secret,
                subscriberAttribute);
        if (!store.put(client)) {
            return false;
        }
        audit.record(organisationId, actor, AUDIT_PUT, client.address(), name + " " + subscriberAttribute.code());
        byAddress = null;
        return true;
    }

    /** Removes the organisation's client at {@code address}; false when there was none. */
    @Transactional
    public boolean delete(long organisationId, String actor, String address) {
        String canonical = IpAddresses.canonical(address);
        boolean deleted = store.delete(organisationId, canonical);
        if (deleted) {
            audit.record(organisationId, actor, AUDIT_DELETE, canonical, "");
            byAddress = null;
        }
        return deleted;
    }

    /** Who may send from this source address, with which secret; empty for an unknown source. */
    public Optional<NasClient> resolve(InetAddress source) {
        Map<String, NasClient> table = byAddress;
        if (table == null) {
            table = store.all().stream().collect(Collectors.toUnmodifiableMap(NasClient::address, Function.identity()));
            byAddress = table;
        }
        String address = IpAddresses.canonical(source.getHostAddress().split("%")[0]);
        NasClient known = table.get(address);
        if (known != null || defaultSecret.isEmpty() || !source.isLoopbackAddress()) {
            return Optional.ofNullable(known);
        }
        Long org = firstOrganisation;
        if (org == null) {
            org = store.firstOrganisation().orElse(null);
            firstOrganisation = org;
        }
        return org == null ? Optional.empty()
                : Optional.of(new NasClient(address, org, "loopback (RENKEI_RADIUS_SECRET)", defaultSecret,
                        SubscriberAttribute.USER_NAME));
    }

    /** Forgets the cached table (tests, or after changes made outside this service). */
    public void reload() {
        byAddress = null;
    }

}

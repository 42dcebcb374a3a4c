package jp.renkei.server.quarantine.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.renkei.core.net.IpAddresses;
import jp.renkei.core.radius.DynamicAuthorizationClient;
import jp.renkei.core.radius.DynamicAuthorizationRequest;
import jp.renkei.core.radius.DynamicAuthorizationResult;
import jp.renkei.core.radius.SessionSelector;
import jp.renkei.core.radius.SubscriberAttribute;
import jp.renkei.server.attribution.NasClient;
import jp.renkei.server.attribution.NasClients;
import jp.renkei.server.attribution.SubscriberSessions;
import jp.renkei.server.attribution.SubscriberSessions.HeldSession;
import jp.renkei.server.quarantine.EnforcementSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Puts a subscriber's current sessions into the walled garden and out again with RFC 5176
 * requests to the NAS that holds each session: its address and shared secret from the NAS clients,
 * the session named by Acct-Session-Id, Framed-IP-Address or -IPv6-Prefix and, when the NAS names
 * subscribers by login, User-Name.
 */
@Component
class RadiusEnforcer {

    private final SubscriberSessions sessions;
    private final NasClients nasClients;
    private final Duration timeout;
    private final int attempts;

    RadiusEnforcer(SubscriberSessions sessions, NasClients nasClients,
            @Value("${renkei.quarantine.coa-timeout:PT3S}") Duration timeout,
            @Value("${renkei.quarantine.coa-attempts:3}") int attempts) {
        this.sessions = sessions;
        this.nasClients = nasClients;
        this.timeout = timeout;
        this.attempts = attempts;
    }

    /** Sends the action's request for every current session; returns what the NASes answered. */
    String apply(long organisationId, String subscriberId, String action, EnforcementSettings settings, Instant now)
            throws EnforcementFailure {
        List<HeldSession> held = sessions.current(organisationId, subscriberId, now).stream()
                .filter(s -> !s.nas().isEmpty()).toList();
        if (held.isEmpty()) {
            return "no RADIUS session online now; nothing to change";
        }
        List<NasClient> clients = nasClients.list(organisationId);
        List<String> answers = new ArrayList<>();
        for (HeldSession session : held) {
            NasClient nas = clients.stream().filter(c -> c.address().equals(canonical(session.nas()))).findFirst()
                    .orElseThrow(() -> new EnforcementFailure("no NAS client registered for " + session.nas()
                            + " (add it under RADIUS clients with its shared secret)", true));
            DynamicAuthorizationRequest request = request(subscriberId, session, nas, action, settings, now);
            answers.add(send(nas, settings.coaPort(), request, session));
        }
        return String.join("; ", answers);
    }

    private static DynamicAuthorizationRequest request(String subscriberId, HeldSession session, NasClient nas,
            String action, EnforcementSettings settings, Instant now) {
        SessionSelector selector = SessionSelector.none().withNasAddress(nas.address());
        if (session.acctSessionId().isPresent()) {
            selector = selector.withAcctSessionId(session.acctSessionId().get());
        }
        if (session.isIpv4Address()) {
            selector = selector.withFramedIpAddress(session.address());
        } else if (session.address().indexOf(':') >= 0 && session.prefixLength() < 128) {
            selector = selector.withFramedIpv6Prefix(session.addressOrPrefix());
        }
        if (nas.subscriberAttribute() == SubscriberAttribute.USER_NAME) {
            selector = selector.withUserName(subscriberId);
        }
        boolean start = action.equals("start");
        if (settings.radiusAction().equals("disconnect") || !start && !settings.releaseByCoa()) {
            return DynamicAuthorizationRequest.disconnect(selector, now);
        }
        return start
                ? DynamicAuthorizationRequest.coa(selector, Optional.of(settings.filterId()),
                        settings.quarantineAttributes(), now)
                : DynamicAuthorizationRequest.coa(selector, Optional.of(settings.releaseFilterId()),
                        settings.releaseAttributes(), now);
    }

    private String send(NasClient nas, int port, DynamicAuthorizationRequest request, HeldSession session)
            throws EnforcementFailure {
        DynamicAuthorizationResult result;
        String name = request.kind() == DynamicAuthorizationRequest.Kind.COA ? "CoA" : "Disconnect";
        String what = name + "-Request for " + session.addressOrPrefix() + " to " + nas.address() + ":" + port;
        try {
            DynamicAuthorizationClient client = new DynamicAuthorizationClient(
                    new InetSocketAddress(InetAddress.getByName(nas.address()), port),
                    nas.secret().getBytes(StandardCharsets.UTF_8), timeout, attempts);
            result = client.send(request);
        } catch (IOException e) {
            throw new EnforcementFailure(what + ": " + e.getMessage(), false);
        }
        if (result instanceof DynamicAuthorizationResult.Ack) {
            return what + ": " + name + "-ACK";
        }
        if (result instanceof DynamicAuthorizationResult.Nak nak) {
            String cause = nak.cause().map(Object::toString).orElse("no Error-Cause");
            // A request fault (bad attribute, unknown session) would be refused again; a NAS fault may pass later.
            boolean permanent = nak.cause().map(c -> c.isRequestFault()).orElse(false);
            throw new EnforcementFailure(what + ": " + name + "-NAK (" + cause + ")", permanent);
        }
        DynamicAuthorizationResult.NoAnswer none = (DynamicAuthorizationResult.NoAnswer) result;
        throw new EnforcementFailure(what + ": no valid answer after " + none.attempts() + " transmissions"
                + (none.discarded().isEmpty() ? "" : " (discarded: " + String.join(", ", none.discarded()) + ")")
                + "; is the NAS up and the shared secret the same?", false);
    }

    private static String canonical(String nas) {
        try {
            return IpAddresses.canonical(nas);
        } catch (IllegalArgumentException notAnAddress) {
            return nas; // a NAS-Identifier: matches no client address, reported as unregistered
        }
    }
}

package jp.renkei.server.attribution;

import java.util.Objects;

import jp.renkei.core.radius.SubscriberAttribute;

/**
 * A NAS allowed to send RADIUS accounting to Renkei: its source address (canonical), the
 * organisation its packets belong to, its shared secret and which attribute names the subscriber.
 */
public record NasClient(String address, long organisationId, String name, String secret,
                        SubscriberAttribute subscriberAttribute) {

    /** Rejects nulls and an empty secret. */
    public NasClient {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(subscriberAttribute, "subscriberAttribute");
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("a NAS client needs a shared secret");
        }
    }

    /** The secret is never printed. */
    @Override
    public String toString() {
        return "NasClient[" + address + ", org " + organisationId + ", " + name + ", " + subscriberAttribute.code() + "]";
    }
}

/** Subscribers: the ISP's directory of subscribers (how to reach them, in which language), upserted from CSV. */
@org.springframework.modulith.ApplicationModule(displayName = "Subscribers",
        allowedDependencies = { "platform" })
package jp.renkei.server.subscribers;

package jp.renkei.server.intake.feeds;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jp.renkei.server.testing.RenkeiTest;
import org.springframework.test.context.TestPropertySource;

/**
 * A full Renkei whose collectors tick twice a second; every collector test shares this one context.
 * Feeds may reach 127.0.0.1 and ::1 only, where the tests' HTTPS and IMAP servers listen.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@RenkeiTest
@TestPropertySource(properties = {"renkei.intake.collect-interval=PT0.5S", "renkei.intake.file-settle=PT0.3S",
        "renkei.outbound.allowed-private-networks=127.0.0.1/32,::1"})
@interface CollectorTest {}

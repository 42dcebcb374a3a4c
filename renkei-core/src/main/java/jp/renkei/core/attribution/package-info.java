/**
 * Attribution: who held this IP (and port) at that instant. Log readers turn each source into
 * {@link jp.renkei.core.attribution.Assignment}s — RADIUS accounting
 * ({@link jp.renkei.core.attribution.FreeRadiusDetailReader} and
 * {@link jp.renkei.core.attribution.SessionAssembler}), Kea forensic logs
 * ({@link jp.renkei.core.attribution.KeaForensicLogReader} and
 * {@link jp.renkei.core.attribution.LeaseHistory}), Kea lease files, ISC {@code dhcpd.leases} and CGNAT
 * port-block logs — with the subscriber named by a per-source
 * {@link jp.renkei.core.attribution.SubscriberKey}. {@link jp.renkei.core.attribution.Attributor} is the
 * reference answer, written for clarity; {@link jp.renkei.core.attribution.AttributionIndex} gives the
 * same answers from primitive columns at millions of lookups per second. Both answer under an
 * {@link jp.renkei.core.attribution.AttributionPolicy} (clock-skew tolerance, address pools, retention,
 * deterministic NAT) with an {@link jp.renkei.core.attribution.Attribution}.
 */
package jp.renkei.core.attribution;

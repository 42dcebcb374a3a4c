package jp.renkei.server.portal;

import java.io.Serializable;

/** What a valid access code opens: one case of one organisation. */
public record PortalGrant(long organisationId, long caseId) implements Serializable {}

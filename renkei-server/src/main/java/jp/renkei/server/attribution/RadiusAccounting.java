package jp.renkei.server.attribution;

/** The live RADIUS accounting server, as the rest of Renkei sees it. */
public interface RadiusAccounting {

    /** The UDP port it listens on; 0 when it is off. */
    int port();

    /** Its counts for one organisation's NAS clients (and unknown sources, server-wide). */
    RadiusStatistics statistics(long organisationId);
}

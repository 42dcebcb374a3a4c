package jp.renkei.server.cases;

/**
 * How an organisation's cases ended, as the dashboard counts them.
 *
 * @param verified               fixes confirmed by later clean reports
 * @param reinfected             seen again after a reported (or verified) fix
 * @param naturalRemediation     closed unverified without any fix report: the device went quiet by itself
 *                               (58-74% of infected devices do, Cetin et al. 2019)
 * @param closedAfterFixReport   closed unverified although the subscriber reported a fix (too few clean reports)
 */
public record CaseOutcomes(long verified, long reinfected, long naturalRemediation, long closedAfterFixReport) {}

package jp.renkei.server.attribution;

/** Assignments of an organisation were added or changed (an import, RADIUS accounting): indexes refresh. */
public record AssignmentsChanged(long organisationId) {
}

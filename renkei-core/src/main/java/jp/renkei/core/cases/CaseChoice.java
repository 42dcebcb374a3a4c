package jp.renkei.core.cases;

/** Which case a sighting of a subscriber's problem belongs to (see {@link CaseRules#choose}). */
public sealed interface CaseChoice {

    /** The sighting extends this case. */
    record Extend(long caseId) implements CaseChoice {}

    /**
     * The sighting names a device and extends this case, which no report had named a device for:
     * it was probably this device, so the case takes the sighting's device key.
     */
    record Adopt(long caseId, String deviceKey) implements CaseChoice {}

    /** The sighting opens a new case with this device key. */
    record Open(String deviceKey) implements CaseChoice {}
}

package jp.renkei.server.remediation;

/** The remediation entry does not exist in the caller's organisation (or belongs to another). */
public class RemediationEntryNotFoundException extends RuntimeException {

    /** For the entry's id. */
    public RemediationEntryNotFoundException(long id) {
        super("no remediation entry " + id);
    }
}

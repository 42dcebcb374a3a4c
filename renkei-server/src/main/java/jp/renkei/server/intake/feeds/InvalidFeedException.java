package jp.renkei.server.intake.feeds;

/** A feed definition that cannot be saved; the message says which field and why. */
public class InvalidFeedException extends RuntimeException {

    public InvalidFeedException(String message) {
        super(message);
    }
}

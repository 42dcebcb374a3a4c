package jp.renkei.server.notify.internal;

/** What one attempt to hand a notice to a gateway did. */
sealed interface DeliveryResult {

    /** Accepted; {@code detail} goes on the case's timeline. */
    record Sent(String detail) implements DeliveryResult {
    }

    /** Not accepted now (server error, timeout, rate limit): try again later. */
    record RetryLater(String error) implements DeliveryResult {
    }

    /** Refused for good (bad number, bad token): retrying would not help. */
    record Failed(String error) implements DeliveryResult {
    }

    /** Sorts an HTTP answer: 2xx sent, 408/429/5xx retry, anything else failed. */
    static DeliveryResult ofStatus(int status, String body, String sentDetail) {
        if (status >= 200 && status < 300) {
            return new Sent(sentDetail);
        }
        String error = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + shorten(body.strip()));
        if (status >= 500 || status == 408 || status == 429) {
            return new RetryLater(error);
        }
        return new Failed(error);
    }

    /** Response bodies go into {@code last_error}; a few hundred characters tell the story. */
    static String shorten(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }
}

package jp.renkei.server.notify.internal;

import java.util.List;

import jp.renkei.core.escalation.Channel;

/** Which notices the dispatcher sends by itself and which wait for people (printing, calling). */
final class NoticeRoutes {

    /** Channel codes the dispatcher claims. */
    static final List<String> DISPATCHED = List.of(Channel.EMAIL.code(), Channel.SMS.code(), Channel.LINE.code());

    private NoticeRoutes() {
    }

    static boolean dispatched(Channel channel) {
        return DISPATCHED.contains(channel.code());
    }
}

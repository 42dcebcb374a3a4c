package jp.renkei.server.notify.internal;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * An entry on the support staff's call list: whom to call and on which number, the problem, and
 * a summary of the steps to talk them through, in the language the subscriber speaks.
 */
final class CallListComposer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private CallListComposer() {
    }

    static ComposedNotice entry(NoticeFacts f, String phone) {
        StringBuilder b = new StringBuilder();
        if (f.japanese()) {
            b.append("電話番号: ").append(phone).append("\n");
            b.append("お名前: ").append(f.subscriberName()).append(" 様（日本語）\n");
            b.append("問題: ").append(f.guidance().title()).append("\n");
            b.append("最後に確認: ").append(TIME.format(f.subscriberCase().lastSeen().atZone(f.zone()))).append("（日本時間）\n");
            f.deviceName().ifPresent(n -> b.append("機器: ").append(n).append("\n"));
            b.append("お伝えする手順:\n");
            ShortNotices.steps(b, f.guidance().steps());
            b.append("ポータル: ").append(f.portalUrl()).append("　確認コード: ").append(f.code().display()).append("\n");
        } else {
            b.append("Phone: ").append(phone).append("\n");
            b.append("Name: ").append(f.subscriberName()).append(" (English)\n");
            b.append("Problem: ").append(f.guidance().title()).append("\n");
            b.append("Last seen: ").append(TIME.format(f.subscriberCase().lastSeen().atZone(f.zone()))).append(" (Japan time)\n");
            f.deviceName().ifPresent(n -> b.append("Device: ").append(n).append("\n"));
            b.append("Steps to talk through:\n");
            ShortNotices.steps(b, f.guidance().steps());
            b.append("Portal: ").append(f.portalUrl()).append("  Access code: ").append(f.code().display()).append("\n");
        }
        return new ComposedNotice(f.language(), f.subscriberName() + " — " + f.guidance().title(), b.toString());
    }
}

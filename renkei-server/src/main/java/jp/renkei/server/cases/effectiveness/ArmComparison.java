package jp.renkei.server.cases.effectiveness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arms of one randomised ladder experiment side by side: each arm against the first (the
 * reference), as the difference in share verified with a 95% confidence interval (normal
 * approximation; with few cases the interval is wide, which is the honest answer).
 */
public record ArmComparison(String ladder, List<Arm> arms) {

    /** One arm, and (except for the reference) its difference to the reference in percentage points. */
    public record Arm(String arm, GroupFigures figures, Optional<Difference> versusReference) {}

    /** A difference in share verified, percentage points, with its 95% interval. */
    public record Difference(double points, double low, double high) {

        /** The three numbers with sign and one decimal, for the page: difference, low, high. */
        public List<String> texts() {
            return List.of(signed(points), signed(low), signed(high));
        }

        private static String signed(double v) {
            return String.format(java.util.Locale.ROOT, "%+.1f", v);
        }

        /** Whether the interval excludes zero. */
        public boolean clear() {
            return low > 0 || high < 0;
        }
    }

    /** The experiments among figures grouped by {@link Grouping#ARM}: ladders with two or more arms. */
    public static List<ArmComparison> of(List<GroupFigures> byArm) {
        Map<String, List<GroupFigures>> byLadder = new LinkedHashMap<>();
        for (GroupFigures g : byArm) {
            int at = g.group().indexOf(" arm ");
            if (at < 0) {
                continue;
            }
            byLadder.computeIfAbsent(g.group().substring(0, at), k -> new ArrayList<>()).add(g);
        }
        List<ArmComparison> out = new ArrayList<>();
        byLadder.forEach((ladder, groups) -> {
            if (groups.size() < 2) {
                return;
            }
            GroupFigures reference = groups.get(0);
            List<Arm> arms = new ArrayList<>();
            for (GroupFigures g : groups) {
                String arm = g.group().substring(g.group().indexOf(" arm ") + 5);
                arms.add(new Arm(arm, g, g == reference ? Optional.empty() : Optional.of(difference(g, reference))));
            }
            out.add(new ArmComparison(ladder, arms));
        });
        return out;
    }

    static Difference difference(GroupFigures arm, GroupFigures reference) {
        double p1 = arm.shareVerified();
        double p0 = reference.shareVerified();
        double se = Math.sqrt(p1 * (1 - p1) / Math.max(1, arm.cases()) + p0 * (1 - p0) / Math.max(1, reference.cases()));
        double d = (p1 - p0) * 100;
        return new Difference(d, d - 196 * se, d + 196 * se);
    }
}

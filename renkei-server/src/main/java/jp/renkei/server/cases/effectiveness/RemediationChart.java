package jp.renkei.server.cases.effectiveness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The geometry of the remediation-curve chart, drawn as SVG by the page: share still affected
 * (y, 100% at the top) against days since the first notice (x, 0 to 30), one line per group. Each
 * line has its own colour and dash pattern, so it reads without colour too.
 */
public record RemediationChart(int width, int height, int left, int top, int right, int bottom, List<Tick> xTicks,
        List<Tick> yTicks, List<Line> lines, List<TableRow> table) {

    /** The same numbers as a table, one row per day, one cell per line: share still affected (n: cases at risk). */
    public record TableRow(int day, List<String> cells) {}

    /** An axis tick: its position on the axis and its label. */
    public record Tick(double at, String label) {}

    /** One group's curve: SVG points, style, and the share on its last followed day for the legend. */
    public record Line(String group, String points, String colour, String dash, int lastDay, String lastShare) {}

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
        "#e377c2", "#17becf"};
    private static final String[] DASHES = {"", "6 3", "2 3", "8 3 2 3", "1 2", "10 4", "4 4", "12 2 2 2"};

    /** Lays out the curves, groups in the order first met. */
    public static RemediationChart of(List<CurvePoint> points) {
        int width = 640;
        int height = 320;
        int left = 56;
        int top = 16;
        int right = width - 16;
        int bottom = height - 40;
        Map<String, List<CurvePoint>> byGroup = new LinkedHashMap<>();
        for (CurvePoint p : points) {
            byGroup.computeIfAbsent(p.group(), g -> new ArrayList<>()).add(p);
        }
        List<Tick> xTicks = new ArrayList<>();
        for (int d = 0; d <= EffectivenessQueries.CURVE_DAYS; d += 5) {
            xTicks.add(new Tick(x(d, left, right), Integer.toString(d)));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int pct = 0; pct <= 100; pct += 20) {
            yTicks.add(new Tick(y(pct / 100.0, top, bottom), pct + "%"));
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<CurvePoint>> e : byGroup.entrySet()) {
            StringBuilder svg = new StringBuilder();
            int lastDay = -1;
            double lastShare = 0;
            for (CurvePoint p : e.getValue()) {
                if (p.followed() == 0) {
                    continue; // nobody followed that long yet: the line stops rather than guess
                }
                svg.append(svg.isEmpty() ? "" : " ").append(format(x(p.day(), left, right))).append(',')
                        .append(format(y(p.shareAffected(), top, bottom)));
                lastDay = p.day();
                lastShare = p.shareAffected();
            }
            lines.add(new Line(e.getKey(), svg.toString(), COLOURS[i % COLOURS.length], DASHES[i % DASHES.length],
                    lastDay, Math.round(lastShare * 100) + "%"));
            i++;
        }
        List<TableRow> table = new ArrayList<>();
        for (int d = 0; d <= EffectivenessQueries.CURVE_DAYS; d++) {
            List<String> cells = new ArrayList<>();
            for (List<CurvePoint> series : byGroup.values()) {
                CurvePoint p = d < series.size() ? series.get(d) : null;
                cells.add(p == null || p.followed() == 0 ? "–"
                        : Math.round(p.shareAffected() * 100) + "% (n=" + p.atRisk() + ")");
            }
            table.add(new TableRow(d, cells));
        }
        return new RemediationChart(width, height, left, top, right, bottom, xTicks, yTicks, lines, table);
    }

    private static double x(int day, int left, int right) {
        return left + (right - left) * (double) day / EffectivenessQueries.CURVE_DAYS;
    }

    private static double y(double share, int top, int bottom) {
        return bottom - (bottom - top) * share;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}

package vn.qualityledger.web.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One figure of an objective at two instants, as query-service's changes answer gives them ({@code before},
 * {@code after}), and whether the service lists it among {@code changedFigures}; {@code kind} says how it reads
 * ({@code count}, {@code percent}, {@code kpi}, {@code number}).
 */
public record FigureRow(String figure, String kind, Object before, Object after, boolean changed) {

    /** The figures the changes answer compares, in the order a dashboard shows them. */
    static final List<String> FIGURES = List.of("due", "onTime", "late", "overdue", "completionRate", "onTimeRate", "kpiStatus",
            "latestMeasurement");

    /** A figure's change as the service lists it. */
    public record Change(String figure, String kind, Object from, Object to) {
    }

    static List<FigureRow> rows(Map<String, Object> before, Map<String, Object> after, List<Map<String, Object>> changedFigures) {
        Set<String> changed = changedFigures.stream().map(c -> String.valueOf(c.get("figure"))).collect(Collectors.toSet());
        List<FigureRow> rows = new ArrayList<>();
        for (String figure : FIGURES) {
            rows.add(new FigureRow(figure, kind(figure), value(before, figure), value(after, figure), changed.contains(figure)));
        }
        return rows;
    }

    static List<Change> changes(List<Map<String, Object>> changedFigures) {
        return changedFigures.stream().map(c -> new Change(String.valueOf(c.get("figure")), kind(String.valueOf(c.get("figure"))),
                c.get("from"), c.get("to"))).toList();
    }

    static String kind(String figure) {
        return switch (figure) {
            case "completionRate", "onTimeRate" -> "percent";
            case "kpiStatus" -> "kpi";
            case "latestMeasurement" -> "number";
            default -> "count";
        };
    }

    /** The figure in an objective's dashboard; null when the objective was not recorded yet (no dashboard). */
    private static Object value(Map<String, Object> dashboard, String figure) {
        if (dashboard == null) {
            return null;
        }
        return switch (figure) {
            case "due", "onTime", "late", "overdue" -> dashboard.get("occurrences") instanceof Map<?, ?> counts ? counts.get(figure) : null;
            case "latestMeasurement" -> dashboard.get("latestMeasurement") instanceof Map<?, ?> latest ? latest.get("value") : null;
            default -> dashboard.get(figure);
        };
    }
}

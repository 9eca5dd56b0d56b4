package vn.qualityledger.web.insight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The year's trend as a server-drawn SVG chart: completion and on-time rates at each month's end as two lines
 * (0–100 %), the overdue occurrences as bars beneath. Only geometry is computed here — where each figure the service
 * gave goes on the drawing; the figures themselves are shown as the service answered them (and in a table beneath).
 */
public record TrendChart(int year, LocalDate asOf, List<Point> points, List<String> completionLines, List<String> onTimeLines,
                         List<Tick> ticks, long overdueMax) {

    public static final int WIDTH = 720;
    public static final int HEIGHT = 300;
    static final double LEFT = 52;
    static final double RIGHT = 16;
    static final double RATE_TOP = 16;
    static final double RATE_HEIGHT = 170;
    static final double BARS_TOP = 210;
    static final double BARS_HEIGHT = 50;
    public static final double LABEL_Y = 288;

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");

    /** A grid line of the rate panel (0, 25, 50, 75, 100 %). */
    public record Tick(int percent, String y) {
    }

    /**
     * One date of the trend: the service's figures ({@code completionRate}, {@code onTimeRate} null when nothing was
     * due) and where they are drawn ({@code completionY}, {@code onTimeY} null when there is no rate to draw).
     */
    public record Point(LocalDate date, String label, BigDecimal completionRate, BigDecimal onTimeRate, long due, long overdue,
                        String x, String completionY, String onTimeY, String barX, String barY, String barHeight, String barWidth,
                        String barLabelY) {
    }

    /** The chart of query-service's trend answer ({@code GET …/trend}); empty when it has no points. */
    public static TrendChart of(Map<String, Object> trend) {
        List<Map<String, Object>> raw = list(trend == null ? null : trend.get("points"));
        int year = trend != null && trend.get("year") instanceof Number number ? number.intValue() : 0;
        LocalDate asOf = trend != null && trend.get("asOf") != null ? LocalDate.parse(trend.get("asOf").toString()) : null;
        long overdueMax = 1;
        for (Map<String, Object> point : raw) {
            overdueMax = Math.max(overdueMax, count(counts(point).get("overdue")));
        }
        int n = raw.size();
        double step = n == 0 ? 0 : (WIDTH - LEFT - RIGHT) / n;
        double barWidth = Math.min(24, step * 0.5);
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> point = raw.get(i);
            LocalDate date = LocalDate.parse(point.get("date").toString());
            BigDecimal completion = decimal(point.get("completionRate"));
            BigDecimal onTime = decimal(point.get("onTimeRate"));
            long overdue = count(counts(point).get("overdue"));
            double x = LEFT + (i + 0.5) * step;
            double height = BARS_HEIGHT * overdue / overdueMax;
            points.add(new Point(date, DAY_MONTH.format(date), completion, onTime, count(counts(point).get("due")), overdue,
                    coordinate(x), completion == null ? null : coordinate(rateY(completion)), onTime == null ? null : coordinate(rateY(onTime)),
                    coordinate(x - barWidth / 2), coordinate(BARS_TOP + BARS_HEIGHT - height), coordinate(height), coordinate(barWidth),
                    coordinate(BARS_TOP + BARS_HEIGHT - height - 4)));
        }
        List<Tick> ticks = new ArrayList<>();
        for (int percent = 0; percent <= 100; percent += 25) {
            ticks.add(new Tick(percent, coordinate(rateY(BigDecimal.valueOf(percent)))));
        }
        return new TrendChart(year, asOf, List.copyOf(points), lines(points, true), lines(points, false), ticks, overdueMax);
    }

    public boolean empty() {
        return points.isEmpty();
    }

    /** The bars' base line and the plot's edges, for the template. */
    public String barsBase() {
        return coordinate(BARS_TOP + BARS_HEIGHT);
    }

    public String plotLeft() {
        return coordinate(LEFT);
    }

    public String plotRight() {
        return coordinate(WIDTH - RIGHT);
    }

    /** The polyline point lists of one rate: a break wherever nothing was due (no rate), so no line crosses a gap. */
    private static List<String> lines(List<Point> points, boolean completion) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (Point point : points) {
            String y = completion ? point.completionY() : point.onTimeY();
            if (y == null) {
                if (!current.isEmpty()) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                continue;
            }
            if (!current.isEmpty()) {
                current.append(' ');
            }
            current.append(point.x()).append(',').append(y);
        }
        if (!current.isEmpty()) {
            lines.add(current.toString());
        }
        return List.copyOf(lines);
    }

    private static double rateY(BigDecimal percent) {
        double clamped = Math.max(0, Math.min(100, percent.doubleValue()));
        return RATE_TOP + (100 - clamped) / 100 * RATE_HEIGHT;
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> counts(Map<String, Object> point) {
        return point.get("occurrences") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static long count(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}

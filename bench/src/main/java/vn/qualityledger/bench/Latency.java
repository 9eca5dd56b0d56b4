package vn.qualityledger.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Latencies in microseconds, recorded into an HdrHistogram; percentiles are read from it, never computed by hand. */
final class Latency {

    private final Histogram histogram = new Histogram(3_600_000_000L, 3);

    void recordNanos(long nanos) {
        histogram.recordValue(Math.max(1, nanos / 1_000));
    }

    /** Adds what another recorder (one client's) holds. */
    void add(Latency other) {
        histogram.add(other.histogram);
    }

    long count() {
        return histogram.getTotalCount();
    }

    double percentileMillis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    double p50() {
        return percentileMillis(50);
    }

    double p99() {
        return percentileMillis(99);
    }

    double maxMillis() {
        return histogram.getMaxValue() / 1000.0;
    }

    /** p50/p90/p99/max in milliseconds and the count, for the JSON report. */
    Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", count());
        summary.put("p50Ms", round(p50()));
        summary.put("p90Ms", round(percentileMillis(90)));
        summary.put("p99Ms", round(p99()));
        summary.put("maxMs", round(maxMillis()));
        return summary;
    }

    /** "p50 / p99 ms" as the table shows it. */
    String p50p99() {
        return Report.ms(p50()) + " / " + Report.ms(p99()) + " ms";
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}

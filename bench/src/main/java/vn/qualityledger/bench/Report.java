package vn.qualityledger.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;

/** The results: every detail as JSON, and one Markdown table with each figure next to its baseline. */
final class Report {

    /** A row of the table. */
    record Row(String number, String figure, String service, String baseline, String ratio, String target, String met) {
    }

    final Map<String, Object> json = new LinkedHashMap<>();
    final List<Row> rows = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    void row(String number, String figure, String service, String baseline, String ratio, String target, String met) {
        rows.add(new Row(number, figure, service, baseline, ratio, target, met));
    }

    String markdown(String title) {
        StringBuilder md = new StringBuilder();
        md.append("#### ").append(title).append("\n\n");
        md.append("| # | figure | service | PostgreSQL baseline | ratio | target | met |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            md.append("| ").append(String.join(" | ", row.number(), row.figure(), row.service(), row.baseline(), row.ratio(),
                    row.target(), row.met())).append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append('\n');
            notes.forEach(note -> md.append("- ").append(note).append('\n'));
        }
        return md.toString();
    }

    void write(Path directory, String stem, String title) throws IOException {
        Files.createDirectories(directory);
        String jsonText = HttpJson.JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
        Files.writeString(directory.resolve(stem + ".json"), jsonText + "\n", StandardCharsets.UTF_8);
        Files.writeString(directory.resolve(stem + ".md"), markdown(title), StandardCharsets.UTF_8);
    }

    static final String README_START = "<!-- bench:latest-full:start (written by bin/bench.sh; edit outside these marks) -->";
    static final String README_END = "<!-- bench:latest-full:end -->";

    /**
     * Puts this run's table into the README between {@link #README_START} and {@link #README_END}, headed by the commit
     * and day it was measured at, so that the published figures are always those of a named run. Refused (the README
     * left as it is) when the marks are missing or the run did not finish.
     */
    void writeIntoReadme(Path readme, String commit, String day) throws IOException {
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf(README_START);
        int end = text.indexOf(README_END);
        if (start < 0 || end < start) {
            throw new BenchFailure("README.md has no " + README_START + " … " + README_END + " marks for the table");
        }
        StringBuilder table = new StringBuilder(README_START).append("\n\n");
        table.append("Commit `").append(commit).append("`, ").append(day).append(":\n\n");
        String markdown = markdown("");
        table.append(markdown, markdown.indexOf("| # |"), markdown.length()).append('\n');
        Files.writeString(readme, text.substring(0, start) + table + text.substring(end), StandardCharsets.UTF_8);
    }

    static String ms(double millis) {
        return millis >= 100 ? String.format(Locale.ROOT, "%.0f", millis) : String.format(Locale.ROOT, "%.1f", millis);
    }

    static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }

    static String times(double factor) {
        return String.format(Locale.ROOT, "×%.1f", factor);
    }

    /**
     * Whether a target is met, judged only on samples: a figure measured over nothing (a run that stored no command,
     * a lag with no probe) meets no target, however good its zeros look.
     */
    static String met(long samples, boolean met) {
        if (samples <= 0) {
            return "**no** (no samples)";
        }
        return met ? "yes" : "**no**";
    }

    /** The sample count of a latency summary in the JSON report. */
    static long samples(java.util.Map<String, Object> latencySummary) {
        Object count = latencySummary.get("count");
        return count instanceof Number number ? number.longValue() : 0;
    }
}

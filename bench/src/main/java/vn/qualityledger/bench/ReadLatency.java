package vn.qualityledger.bench;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.qualityledger.query.board.BoardFilter;
import vn.qualityledger.query.board.BoardRepository;
import vn.qualityledger.query.dashboard.DashboardRepository;

/**
 * Figure 3: latency of the dashboard endpoints on the bulk-loaded, projected data set, one client, random
 * organisations and objectives. Baseline: the same SQL each endpoint issues, run by query-service's own repository
 * classes over one plain JDBC connection inside the harness (no HTTP, no MVC, no pool), for the same requests.
 */
final class ReadLatency {

    private ReadLatency() {
    }

    private interface Call {
        void run(String organisation, String objective) throws Exception;
    }

    static Map<String, Object> run(HttpJson query, Postgres postgres, String database, List<String> organisations,
                                   List<String> objectives, int requests) throws Exception {
        String asOf = Dataset.AS_OF.toString();
        Map<String, Call> endpoints = new LinkedHashMap<>();
        endpoints.put("organisation-year summary", (org, objective) ->
                requireObjectives(query.getOk("/api/organisations/" + org + "/years/2023/summary?asOf=" + asOf), objectives.size() / organisations.size()));
        endpoints.put("objective dashboard", (org, objective) ->
                query.getOk("/api/objectives/" + objective + "/dashboard?asOf=" + asOf));
        endpoints.put("occurrence board page", (org, objective) ->
                query.getOk("/api/occurrences?organisationId=" + org + "&year=2023&asOf=" + asOf + "&page=0&size=50"));

        Map<String, Object> results = new LinkedHashMap<>();
        try (Connection connection = postgres.connect(database)) {
            connection.setAutoCommit(true);
            // As query-service's pool connects (query-service.yml, currentSchema): its read SQL names tables unqualified.
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("SET search_path TO query, public");
            }
            NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(new SingleConnectionDataSource(connection, true));
            DashboardRepository dashboards = new DashboardRepository(jdbc);
            BoardRepository board = new BoardRepository(jdbc);
            Map<String, Call> baselines = new LinkedHashMap<>();
            baselines.put("organisation-year summary", (org, objective) ->
                    dashboards.findObjectives(org, Dataset.YEAR, Dataset.AS_OF, null, 0));
            baselines.put("objective dashboard", (org, objective) -> dashboards.findObjective(objective, Dataset.AS_OF));
            baselines.put("occurrence board page", (org, objective) -> {
                BoardFilter filter = new BoardFilter(org, Dataset.YEAR, null, null, null, null, null, Dataset.AS_OF);
                board.find(filter, 50, 0);
                board.count(filter);
            });
            for (String endpoint : endpoints.keySet()) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("service", measure(endpoints.get(endpoint), organisations, objectives, requests).summary());
                result.put("sqlOverJdbc", measure(baselines.get(endpoint), organisations, objectives, requests).summary());
                results.put(endpoint, result);
            }
        }
        return results;
    }

    private static void requireObjectives(tools.jackson.databind.JsonNode summary, int expected) {
        if (summary.get("objectiveCount").asInt() != expected) {
            throw new BenchFailure("a summary counted " + summary.get("objectiveCount") + " objectives, expected " + expected);
        }
    }

    /** A tenth of the requests (at least 10) warm up unrecorded; then {@code requests} are recorded, one at a time. */
    private static Latency measure(Call call, List<String> organisations, List<String> objectives, int requests) throws Exception {
        Random random = new Random(42);
        Latency latency = new Latency();
        int warmup = Math.max(10, requests / 10);
        for (int i = 0; i < warmup + requests; i++) {
            String objective = objectives.get(random.nextInt(objectives.size()));
            String organisation = objective.substring(0, objective.indexOf('.'));
            long start = System.nanoTime();
            call.run(organisation, objective);
            if (i >= warmup) {
                latency.recordNanos(System.nanoTime() - start);
            }
        }
        return latency;
    }
}

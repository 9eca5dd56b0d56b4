package vn.qualityledger.web.insight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import vn.qualityledger.web.QualityLedgerClient;
import vn.qualityledger.web.ServiceProblem;
import vn.qualityledger.web.SignedInUser;

/**
 * The trend reads of the dashboard and the objective page: one call to query-service's trend endpoint, which reads
 * the dashboard figures at every month's end in one request (a call per month end from here would cost twelve
 * round trips and sign-in checks per page). A failed trend read leaves the page without its chart, with a note,
 * rather than without its figures; a revoked session still signs the user out.
 */
public final class Trends {

    private static final Logger LOG = LoggerFactory.getLogger(Trends.class);

    private Trends() {
    }

    /** Puts the organisation-year's chart (or {@code trendFailed}) into the page's model. */
    public static void organisation(QualityLedgerClient client, SignedInUser user, String organisation, int year, LocalDate asOf, Model model) {
        put(model, () -> client.read(user, uri -> uri.path("/api/organisations/{organisation}/years/{year}/trend")
                .queryParam("asOf", asOf).build(organisation, year)));
    }

    /** Puts one objective's chart, as recorded by {@code knownAt} when it is not null. */
    public static void objective(QualityLedgerClient client, SignedInUser user, String objectiveId, LocalDate asOf, Instant knownAt, Model model) {
        put(model, () -> client.read(user, uri -> {
            uri.path("/api/objectives/{id}/trend").queryParam("asOf", asOf);
            if (knownAt != null) {
                uri.queryParam("knownAt", knownAt);
            }
            return uri.build(objectiveId);
        }));
    }

    private static void put(Model model, java.util.function.Supplier<Map<String, Object>> read) {
        try {
            model.addAttribute("trend", TrendChart.of(read.get()));
        } catch (ServiceProblem problem) {
            if (problem.unauthenticated()) {
                throw problem;
            }
            LOG.info("No trend: {}", problem.getMessage());
            model.addAttribute("trend", null);
            model.addAttribute("trendFailed", true);
        }
    }
}

package vn.qualityledger.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An agency adopting Quality Ledger at the end of 2026 enters its 2023 year in one sitting: the same plan and the same
 * work as {@link QualityYearEndToEndTest}, every request stating the real 2023 day of its step while the services'
 * clock shows today. Every figure of the lived year must come out exactly the same (the inherited tests), and an
 * instant before the migration must show that nothing was known then.
 */
class QualityYearEnteredLateEndToEndTest extends QualityYearEndToEndTest {

    private Instant beforeMigration;

    @Override
    BothServices startServices() {
        return new BothServices("ql_test_entered_late", BothServices.Days.ENTERED_LATE);
    }

    @Override
    void liveTheYear() throws Exception {
        beforeMigration = BothServices.aMomentLater();
        super.liveTheYear();
    }

    @Test
    void nothingWasKnownBeforeTheMigration() {
        JsonNode before = get("/api/organisations/SLDTBXH-HD/years/2023/summary?asOf=2023-12-31&knownAt=" + beforeMigration);
        assertThat(before.path("objectiveCount").asInt()).as(before.toString()).isZero();
        assertThat(before.path("occurrences").path("total").asLong()).isZero();
    }
}

package vn.qualityledger.command.reads;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.qualityledger.api.objective.ObjectiveId;

/** Each created thing's Location is a query-service read, under the configured public address. */
public class ReadLocationsTest {

    /** The public address the controller slices configure (with a trailing slash, which must not double). */
    public static final String READS = "https://reads.example/";

    private final ReadLocations reads = new ReadLocations(READS);

    @Test
    void anObjectiveAndItsPartsPointAtItsDashboardPlanAndEvidenceRegister() {
        ObjectiveId objective = new ObjectiveId("SLDTBXH-HD.MTCL-2023-01");
        assertThat(reads.objective(objective)).hasToString("https://reads.example/api/objectives/SLDTBXH-HD.MTCL-2023-01/dashboard");
        assertThat(reads.objectivePlan(objective)).hasToString("https://reads.example/api/objectives/SLDTBXH-HD.MTCL-2023-01/plan");
        assertThat(reads.evidenceOf(objective)).hasToString("https://reads.example/api/evidence?objectiveId=SLDTBXH-HD.MTCL-2023-01");
    }

    @Test
    void aPlanPointsAtTheDashboardsOfItsOrganisationsYear() {
        assertThat(reads.objectivesOf("SLDTBXH-HD", 2023)).hasToString("https://reads.example/api/organisations/SLDTBXH-HD/years/2023/objectives");
    }

    @Test
    void recordsPointAtTheirOwnReads() {
        assertThat(reads.audit("A1")).hasToString("https://reads.example/api/audits/A1");
        assertThat(reads.nonconformity("NC1")).hasToString("https://reads.example/api/nonconformities/NC1");
        assertThat(reads.review("R1")).hasToString("https://reads.example/api/reviews/R1");
        assertThat(reads.reviewMinutes("R1")).hasToString("https://reads.example/api/reviews/R1/minutes/issued.docx");
        assertThat(reads.resultsReport("BC1")).hasToString("https://reads.example/api/reports/BC1/results.docx");
    }

    @Test
    void aBaseWithoutTrailingSlashGivesTheSameLocations() {
        assertThat(new ReadLocations("http://127.0.0.1:8082").audit("A1")).hasToString("http://127.0.0.1:8082/api/audits/A1");
    }
}

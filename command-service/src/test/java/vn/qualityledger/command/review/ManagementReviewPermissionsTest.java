package vn.qualityledger.command.review;

import static vn.qualityledger.command.review.ReviewFixtures.*;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.CommandErrorDetails;
import vn.qualityledger.api.common.CommandErrorDetails.Kind;
import vn.qualityledger.api.review.*;
import vn.qualityledger.command.DemoActors;
import vn.qualityledger.command.PermissionMatrix;
import vn.qualityledger.command.PermissionMatrix.Case;

/**
 * The permission rows of management reviews, command by command and user by user: the demo users and a secretary of
 * another organisation. Decision D1 is owned by VP, decision D2 by P-KHTC.
 */
class ManagementReviewPermissionsTest {

    static final Map<String, Actor> USERS = DemoActors.of(ORG);
    private static final Set<String> ORGANISERS = Set.of("admin", "thuky", "qmr");


    private static final Map<String, Case> CASES = new LinkedHashMap<>();

    static {
        ReviewDecisionRecordedEvent khtcDecision = new ReviewDecisionRecordedEvent(REVIEW, SECOND_DECISION, ReviewDecisionKind.QMS_CHANGE,
                "Sửa quy trình lưu trữ", "P-KHTC", SECOND_DUE, DECIDED_ON);
        CASES.put("PlanManagementReview", new Case(List.of(), plan(), ORGANISERS));
        CASES.put("RecordReviewNotes", new Case(List.of(planned()), new RecordReviewNotesCommand(REVIEW, NOTES, LocalDate.of(2023, 7, 5)), ORGANISERS));
        CASES.put("HoldManagementReview", new Case(List.of(planned()), hold(), ORGANISERS));
        CASES.put("RecordReviewDecision", new Case(List.of(planned(), held()), decide(), ORGANISERS));
        CASES.put("CompleteReviewDecision (VP's)", new Case(List.of(planned(), held(), decided()), complete(),
                Set.of("admin", "thuky", "truongvp", "nhanvienvp")));
        CASES.put("CompleteReviewDecision (P-KHTC's)", new Case(List.of(planned(), held(), khtcDecision),
                new CompleteReviewDecisionCommand(REVIEW, SECOND_DECISION, LocalDate.of(2023, 10, 1), null, "Đã sửa quy trình"),
                Set.of("admin", "thuky", "nhanvienkhtc")));
        CASES.put("IssueReviewMinutes", new Case(List.of(planned(), held()), issueMinutes(LocalDate.of(2023, 7, 12)), ORGANISERS));
        CASES.put("CancelManagementReview", new Case(List.of(planned()),
                new CancelManagementReviewCommand(REVIEW, "Lùi lịch", LocalDate.of(2023, 7, 1)), ORGANISERS));
    }

    static Stream<Arguments> matrix() {
        return PermissionMatrix.arguments(CASES, USERS);
    }

    private AggregateTestFixture<ManagementReview> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ManagementReview.class);
    }

    @ParameterizedTest(name = "{0} by {1}: allowed {2}")
    @MethodSource("matrix")
    void followsThePermissionMatrix(String command, String user, boolean allowed) {
        PermissionMatrix.send(fixture, CASES.get(command), USERS.get(user), allowed);
    }

    @Test
    void aUnitHeadOfAnotherUnitCannotCompleteTheDecision() {
        Actor otherHead = new Actor("truongkhtc", "Trưởng KHTC", List.of(vn.qualityledger.api.common.Role.UNIT_HEAD), ORG, "P-KHTC");
        fixture.given(planned(), held(), decided()).when(complete(), otherHead.toMetaData())
                .expectNoEvents()
                .expectExceptionDetails(new CommandErrorDetails(Kind.FORBIDDEN, "NOT_YOUR_UNITS_DECISION", null));
    }

    @Test
    void aStaffMemberCannotOrganiseAReview() {
        fixture.givenNoPriorActivity().when(plan(), USERS.get("nhanvienvp").toMetaData())
                .expectNoEvents()
                .expectExceptionDetails(new CommandErrorDetails(Kind.FORBIDDEN, "REVIEW_ORGANISERS_ONLY", null));
    }

    @Test
    void aCommandWithoutAnActorIsRefused() {
        fixture.given(planned()).when(hold())
                .expectNoEvents()
                .expectExceptionDetails(new CommandErrorDetails(Kind.FORBIDDEN, "ACTOR_REQUIRED", null));
    }

    @Test
    void nobodyPlansForAnotherOrganisation() {
        fixture.givenNoPriorActivity().when(plan(), USERS.get("thuky-khac").toMetaData())
                .expectNoEvents()
                .expectExceptionDetails(new CommandErrorDetails(Kind.FORBIDDEN, "OTHER_ORGANISATION", null));
    }

    @Test
    void nobodyActsOnAnotherOrganisationsReview() {
        fixture.given(planned(), held()).when(decide(), USERS.get("thuky-khac").toMetaData())
                .expectNoEvents()
                .expectExceptionDetails(new CommandErrorDetails(Kind.FORBIDDEN, "OTHER_ORGANISATION", null));
    }

}

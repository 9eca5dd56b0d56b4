package vn.qualityledger.command.objective;

import static vn.qualityledger.command.objective.ObjectiveFixtures.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.CommandErrorDetails;
import vn.qualityledger.api.common.Decision;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.api.objective.*;
import vn.qualityledger.command.DemoActors;
import vn.qualityledger.command.PermissionMatrix;
import vn.qualityledger.command.PermissionMatrix.Case;

/**
 * The permission matrix of the README, command by command and user by user: the demo users of the quick start, plus a
 * secretary of another organisation. The objective's measure I.6 is led by VP and BCD-ISO, monitored by QMR and TK-ISO,
 * assigned to VP; evidence ev-1 was filed by nhanvienvp.
 */
class ObjectivePermissionsTest {

    static final Map<String, Actor> USERS = new LinkedHashMap<>();

    static {
        USERS.putAll(DemoActors.of(ORG));
    }

    private static final Set<String> PLANNERS = Set.of("admin", "thuky", "qmr");
    private static final EvidenceId FILED = new EvidenceId("ev-1");


    private static final Map<String, Case> CASES = new LinkedHashMap<>();

    static {
        Schedule once = new Schedule("", List.of(ScheduleRule.oneOff(LocalDate.of(2023, 9, 1))));
        DocumentReference document = new DocumentReference("1/BC", LocalDate.of(2023, 10, 1), "VP", "Báo cáo", null, null);
        CASES.put("DefineObjective", new Case(List.of(), define(), PLANNERS));
        CASES.put("ReviseObjective", new Case(world(), new ReviseObjectiveCommand(OBJECTIVE, "Mới", TARGET), PLANNERS));
        CASES.put("PublishObjective", new Case(world(), new PublishObjectiveCommand(OBJECTIVE, new Decision("147/QĐ", LocalDate.of(2023, 2, 7))), PLANNERS));
        CASES.put("CloseObjective", new Case(world(), new CloseObjectiveCommand(OBJECTIVE, new Assessment(true, null), LocalDate.of(2023, 12, 31)), Set.of("admin", "qmr")));
        CASES.put("PlanMeasure", new Case(world(), new PlanMeasureCommand(OBJECTIVE, new MeasureId("I.7"), null, details("I.7", "Duy trì", once)), PLANNERS));
        CASES.put("ReviseMeasure", new Case(world(), new ReviseMeasureCommand(OBJECTIVE, REPORTS, details("I.6", "Khác", REPORT_SCHEDULE), LocalDate.of(2023, 6, 1)), PLANNERS));
        CASES.put("CancelMeasure", new Case(world(), new CancelMeasureCommand(OBJECTIVE, REPORTS, "Bỏ", LocalDate.of(2023, 6, 1)), PLANNERS));
        CASES.put("AddAdHocOccurrence", new Case(world(), new AddAdHocOccurrenceCommand(OBJECTIVE, REPORTS, new OccurrenceId("I.6-dx"), LocalDate.of(2023, 9, 1), null), PLANNERS));
        CASES.put("AssignTask", new Case(world(), new AssignTaskCommand(OBJECTIVE, REPORTS, OCTOBER_REPORT, "VP", "Phạm Minh Hiếu", LocalDate.of(2023, 6, 1)),
                Set.of("admin", "thuky", "qmr", "truongvp")));
        CASES.put("SubmitEvidence", new Case(world(), new SubmitEvidenceCommand(OBJECTIVE, new EvidenceId("ev-2"), OCTOBER_REPORT, document, LocalDate.of(2023, 10, 2)),
                Set.of("admin", "thuky", "truongvp", "nhanvienvp")));
        CASES.put("AcceptEvidence", new Case(world(), new AcceptEvidenceCommand(OBJECTIVE, FILED, LocalDate.of(2023, 5, 16), LocalDate.of(2023, 5, 16)), Set.of("thuky", "qmr")));
        CASES.put("RejectEvidence", new Case(world(), new RejectEvidenceCommand(OBJECTIVE, FILED, "Thiếu", LocalDate.of(2023, 5, 16)), Set.of("thuky", "qmr")));
        CASES.put("RecordMeasurement", new Case(world(), new RecordMeasurementCommand(OBJECTIVE, new MeasurementId("q2"),
                new Period(LocalDate.of(2023, 4, 1), LocalDate.of(2023, 6, 30)), null, null, BigDecimal.TEN, "Báo cáo", LocalDate.of(2023, 7, 1)), PLANNERS));
    }

    /** The objective with I.6 planned, assigned to VP, and evidence filed by nhanvienvp. */
    private static List<Object> world() {
        return List.of(defined(), reportsPlanned(),
                new TaskAssignedEvent(OBJECTIVE, REPORTS, null, "VP", null, LocalDate.of(2023, 2, 10)),
                new GenericDomainEventMessage<>("Objective", OBJECTIVE.value(), 3, evidenceSubmitted(),
                        MetaData.from(USERS.get("nhanvienvp").toMetaData())));
    }

    static Stream<Arguments> matrix() {
        return PermissionMatrix.arguments(CASES, USERS);
    }

    private AggregateTestFixture<Objective> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Objective.class);
    }

    @ParameterizedTest(name = "{0} by {1}: allowed {2}")
    @MethodSource("matrix")
    void followsThePermissionMatrix(String command, String user, boolean allowed) {
        PermissionMatrix.send(fixture, CASES.get(command), USERS.get(user), allowed);
    }

    @Test
    void nobodyReviewsEvidenceTheySubmittedThemselves() {
        Actor secretary = USERS.get("thuky");
        fixture.given(defined(), reportsPlanned(), new GenericDomainEventMessage<>("Objective", OBJECTIVE.value(), 2, evidenceSubmitted(),
                        MetaData.from(secretary.toMetaData())))
                .when(new AcceptEvidenceCommand(OBJECTIVE, EVIDENCE, LocalDate.of(2023, 5, 16), LocalDate.of(2023, 5, 16)), secretary.toMetaData())
                .expectNoEvents()
                .expectExceptionDetails(new CommandErrorDetails(CommandErrorDetails.Kind.FORBIDDEN, "OWN_EVIDENCE", null));
    }

    @Test
    void aUnitHeadKeepsTheirUnitsWorkInTheirUnit() {
        fixture.given(world()).when(new AssignTaskCommand(OBJECTIVE, REPORTS, OCTOBER_REPORT, "P-KHTC", null, LocalDate.of(2023, 6, 1)),
                        USERS.get("truongvp").toMetaData())
                .expectNoEvents()
                .expectExceptionDetails(new CommandErrorDetails(CommandErrorDetails.Kind.FORBIDDEN, "NOT_YOUR_UNITS_WORK", null));
    }

    @Test
    void aCommandWithoutAnActorIsRefused() {
        fixture.given(world()).when(new ReviseObjectiveCommand(OBJECTIVE, "Mới", TARGET))
                .expectNoEvents()
                .expectExceptionDetails(new CommandErrorDetails(CommandErrorDetails.Kind.FORBIDDEN, "ACTOR_REQUIRED", null));
    }

}

package vn.qualityledger.command.nonconformity;

import static vn.qualityledger.command.nonconformity.NonconformityFixtures.*;

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
import vn.qualityledger.api.common.Role;
import vn.qualityledger.api.nonconformity.*;
import vn.qualityledger.command.DemoActors;
import vn.qualityledger.command.PermissionMatrix;
import vn.qualityledger.command.PermissionMatrix.Case;

/**
 * The permission rows of nonconformities, command by command and user by user: the demo users, an auditor of P-KHTC,
 * and a secretary of another organisation. The nonconformity is about unit VP; action A1 is owned by VP and was
 * implemented by nhanvienvp; action A2 is owned by P-KHTC and only planned.
 */
class NonconformityPermissionsTest {

    static final Map<String, Actor> USERS = new LinkedHashMap<>();

    static {
        USERS.putAll(DemoActors.of(ORG));
    }

    private static final CorrectiveActionId KHTC_ACTION = new CorrectiveActionId("A2");
    private static final Set<String> RAISERS = Set.of("admin", "thuky", "qmr", "danhgia", "danhgiakhtc");
    private static final Set<String> HANDLERS = Set.of("admin", "thuky", "qmr", "truongvp");


    private static final Map<String, Case> CASES = new LinkedHashMap<>();

    static {
        NonconformityOrigin byHand = new NonconformityOrigin(NonconformitySource.MANUAL, null, null, null, null, null);
        CASES.put("RaiseNonconformity", new Case(List.of(),
                new RaiseNonconformityCommand(BY_HAND, ORG, byHand, Severity.MINOR, "VP", "8.5.1", "Sai sót", RAISED_ON), RAISERS));
        CASES.put("RecordCorrection", new Case(world(), new RecordCorrectionCommand(NC, "Sửa ngay", LocalDate.of(2023, 7, 1)), HANDLERS));
        CASES.put("AnalyseRootCause", new Case(world(), new AnalyseRootCauseCommand(NC, "Khác", null, LocalDate.of(2023, 7, 1)), HANDLERS));
        CASES.put("PlanCorrectiveAction", new Case(world(),
                new PlanCorrectiveActionCommand(NC, new CorrectiveActionId("A3"), "VP", "Đào tạo", DUE, LocalDate.of(2023, 7, 1)), HANDLERS));
        CASES.put("ImplementCorrectiveAction", new Case(world(),
                new ImplementCorrectiveActionCommand(NC, KHTC_ACTION, EVIDENCE, null, LocalDate.of(2023, 7, 25)), Set.of("admin", "thuky", "nhanvienkhtc")));
        CASES.put("VerifyActionEffectiveness", new Case(world(),
                new VerifyActionEffectivenessCommand(NC, ACTION, true, null, LocalDate.of(2023, 8, 10)), Set.of("admin", "qmr", "danhgia", "danhgiakhtc")));
        CASES.put("CloseNonconformity", new Case(closable(),
                new CloseNonconformityCommand(NC, null, LocalDate.of(2023, 8, 15)), Set.of("admin", "qmr")));
        CASES.put("ReopenNonconformity", new Case(closedWorld(),
                new ReopenNonconformityCommand(NC, "Lặp lại", LocalDate.of(2023, 9, 1)), Set.of("admin", "qmr")));
    }

    /** Raised about VP, cause analysed; A1 (VP) implemented by nhanvienvp; A2 (P-KHTC) planned. */
    private static List<Object> world() {
        return List.of(raised(), rootCauseAnalysed(), planned(), implemented(ACTION, 3),
                new CorrectiveActionPlannedEvent(NC, KHTC_ACTION, "P-KHTC", "Rà soát sổ sách", DUE, LocalDate.of(2023, 6, 16)));
    }

    private static List<Object> closable() {
        return List.of(raised(), rootCauseAnalysed(), planned(), implemented(ACTION, 3), verified(ACTION, true));
    }

    private static List<Object> closedWorld() {
        return List.of(raised(), rootCauseAnalysed(), planned(), implemented(ACTION, 3), verified(ACTION, true), closed());
    }

    static Stream<Arguments> matrix() {
        return PermissionMatrix.arguments(CASES, USERS);
    }

    private AggregateTestFixture<Nonconformity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Nonconformity.class);
    }

    @ParameterizedTest(name = "{0} by {1}: allowed {2}")
    @MethodSource("matrix")
    void followsThePermissionMatrix(String command, String user, boolean allowed) {
        PermissionMatrix.send(fixture, CASES.get(command), USERS.get(user), allowed);
    }

    @Test
    void theImplementerCannotVerifyTheirOwnAction() {
        Actor implementerWhoBecameAuditor = new Actor("nhanvienvp", "Nhân viên VP", List.of(Role.AUDITOR), ORG, "VP");
        fixture.given(world()).when(new VerifyActionEffectivenessCommand(NC, ACTION, true, null, LocalDate.of(2023, 8, 10)),
                        implementerWhoBecameAuditor.toMetaData())
                .expectNoEvents()
                .expectExceptionDetails(new CommandErrorDetails(CommandErrorDetails.Kind.FORBIDDEN, "OWN_ACTION", null));
    }

    @Test
    void aUnitHeadHandlesOnlyTheirOwnUnitsNonconformity() {
        Actor otherHead = new Actor("truongkhtc", "Trưởng KHTC", List.of(Role.UNIT_HEAD), ORG, "P-KHTC");
        fixture.given(world()).when(new RecordCorrectionCommand(NC, "Sửa", LocalDate.of(2023, 7, 1)), otherHead.toMetaData())
                .expectNoEvents()
                .expectExceptionDetails(new CommandErrorDetails(CommandErrorDetails.Kind.FORBIDDEN, "NOT_YOUR_UNITS_NONCONFORMITY", null));
    }

    @Test
    void aCommandWithoutAnActorIsRefused() {
        fixture.given(world()).when(new RecordCorrectionCommand(NC, "Sửa", LocalDate.of(2023, 7, 1)))
                .expectNoEvents()
                .expectExceptionDetails(new CommandErrorDetails(CommandErrorDetails.Kind.FORBIDDEN, "ACTOR_REQUIRED", null));
    }

    @Test
    void nobodyRaisesForAnotherOrganisation() {
        fixture.givenNoPriorActivity().when(raise(), USERS.get("thuky-khac").toMetaData())
                .expectNoEvents()
                .expectExceptionDetails(new CommandErrorDetails(CommandErrorDetails.Kind.FORBIDDEN, "OTHER_ORGANISATION", null));
    }

}

package vn.qualityledger.command.audit;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.anything;
import static vn.qualityledger.command.audit.AuditFixtures.*;

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
import vn.qualityledger.api.audit.*;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.CommandErrorDetails;
import vn.qualityledger.api.common.Decision;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.command.DemoActors;
import vn.qualityledger.command.PermissionMatrix;
import vn.qualityledger.command.PermissionMatrix.Case;

/**
 * The audit rows of the permission matrix, command by command and user by user: the demo users of the quick start,
 * plus a secretary and a QMR of another organisation. The team is led by danhgia (TO-ISO) with danhgiakhtc (P-KHTC);
 * VP's audit was held, P-KHTC's is scheduled.
 */
class InternalAuditPermissionsTest {

    static final Map<String, Actor> USERS = new LinkedHashMap<>();

    static {
        USERS.putAll(DemoActors.of(ORG));
        USERS.put("qmr-khac", new Actor("qmr-khac", "QMR Sở khác", List.of(Role.QMR), "SYT-HD", "QMR"));
    }

    private static final Set<String> PLANNERS = Set.of("admin", "thuky", "qmr");


    private static final Map<String, Case> CASES = new LinkedHashMap<>();

    static {
        UnitAuditScheduledEvent khtcScheduled = new UnitAuditScheduledEvent(AUDIT, "P-KHTC", VP_DAY, List.of("danhgia"));
        List<Object> world = List.of(planned(), appointed(), vpScheduled(), vpHeld(), khtcScheduled);
        List<Object> reported = List.of(planned(), appointed(), vpScheduled(), vpHeld(), khtcScheduled, reportIssued());
        CASES.put("PlanInternalAudit", new Case(List.of(), plan(), PLANNERS));
        CASES.put("AppointAuditTeam", new Case(world, new AppointAuditTeamCommand(AUDIT, LEAD_MEMBER, List.of(KHTC_MEMBER),
                new Decision("230/QĐ-SLĐTBXH", LocalDate.of(2023, 10, 1)), APPOINTED_ON), PLANNERS));
        CASES.put("ScheduleUnitAudit", new Case(world, new ScheduleUnitAuditCommand(AUDIT, "TO-ISO", VP_DAY, List.of("danhgiakhtc")),
                Set.of("admin", "thuky", "qmr", "danhgia")));
        CASES.put("RecordUnitAudit (P-KHTC)", new Case(world, new RecordUnitAuditCommand(AUDIT, "P-KHTC", VP_DAY, VP_NOTES), Set.of("danhgia")));
        CASES.put("RecordAuditFinding (VP)", new Case(world, findVp(), Set.of("danhgia", "danhgiakhtc")));
        CASES.put("IssueAuditReport", new Case(world, issueReport(), Set.of("admin", "qmr", "danhgia")));
        CASES.put("CloseInternalAudit", new Case(reported, new CloseInternalAuditCommand(AUDIT, LocalDate.of(2023, 11, 1)), Set.of("admin", "qmr")));
    }

    static Stream<Arguments> matrix() {
        return PermissionMatrix.arguments(CASES, USERS);
    }

    private AggregateTestFixture<InternalAudit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InternalAudit.class);
    }

    @ParameterizedTest(name = "{0} by {1}: allowed {2}")
    @MethodSource("matrix")
    void followsThePermissionMatrix(String command, String user, boolean allowed) {
        var result = PermissionMatrix.send(fixture, CASES.get(command), USERS.get(user), allowed);
        if (allowed) {
            // one event: an allowed command does what it says, it is not a retry that changes nothing
            result.expectEventsMatching(payloadsMatching(exactSequenceOf(anything(), andNoMore())));
        }
    }

    @Test
    void aCommandWithoutAnActorIsRefused() {
        fixture.given(planned()).when(appoint())
                .expectNoEvents()
                .expectExceptionDetails(new CommandErrorDetails(CommandErrorDetails.Kind.FORBIDDEN, "ACTOR_REQUIRED", null));
    }

    @Test
    void aPlannerOfAnotherOrganisationIsRefusedAsSuch() {
        fixture.given(planned()).when(appoint(), USERS.get("qmr-khac").toMetaData())
                .expectNoEvents()
                .expectExceptionDetails(new CommandErrorDetails(CommandErrorDetails.Kind.FORBIDDEN, "OTHER_ORGANISATION", null));
    }

}

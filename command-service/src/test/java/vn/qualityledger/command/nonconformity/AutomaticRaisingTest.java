package vn.qualityledger.command.nonconformity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import vn.qualityledger.api.audit.AuditFindingRecordedEvent;
import vn.qualityledger.api.audit.AuditId;
import vn.qualityledger.api.audit.FindingId;
import vn.qualityledger.api.audit.FindingKind;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.CommandErrorDetails;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.api.nonconformity.*;
import vn.qualityledger.api.objective.Assessment;
import vn.qualityledger.api.objective.MeasureId;
import vn.qualityledger.api.objective.ObjectiveClosedEvent;
import vn.qualityledger.api.objective.ObjectiveId;

/** Which events raise which nonconformity; that the raised ones are stored once is AutomaticRaisingIntegrationTest's. */
class AutomaticRaisingTest {

    private static final AuditId AUDIT = new AuditId("DGNB-2023");
    private static final ObjectiveId OBJECTIVE = new ObjectiveId("SLDTBXH-HD.MTCL-2023-03");
    private static final Actor QMR = new Actor("qmr", "QMR", List.of(Role.QMR), "SLDTBXH-HD", "QMR");

    private final List<Object> sent = new ArrayList<>();
    private final CommandGateway gateway = Mockito.mock(CommandGateway.class, invocation -> {
        if (invocation.getMethod().getName().equals("sendAndWait")) {
            sent.add(invocation.getArgument(0));
        }
        return invocation.getMethod().getName().equals("send") ? CompletableFuture.completedFuture(null) : null;
    });
    private final AutomaticRaising raising = new AutomaticRaising(gateway);

    private static AuditFindingRecordedEvent finding(String id, FindingKind kind) {
        return new AuditFindingRecordedEvent(AUDIT, "SLDTBXH-HD", 2023, new FindingId(id), "VP", "7.5.3", kind,
                "Hồ sơ lưu trữ không đúng quy định", "Sổ theo dõi hồ sơ", OBJECTIVE, new MeasureId("I.6"), LocalDate.of(2023, 6, 10));
    }

    @Test
    void aMajorFindingRaisesAMajorNonconformityWithTheFindingsDerivedId() {
        raising.on(finding("F-01", FindingKind.MAJOR_NONCONFORMITY));
        assertThat(sent).containsExactly(new RaiseNonconformityCommand(NonconformityId.forFinding(AUDIT, new FindingId("F-01")),
                "SLDTBXH-HD", new NonconformityOrigin(NonconformitySource.AUDIT_FINDING, AUDIT, new FindingId("F-01"), OBJECTIVE,
                new MeasureId("I.6"), null), Severity.MAJOR, "VP", "7.5.3", "Hồ sơ lưu trữ không đúng quy định", LocalDate.of(2023, 6, 10)));
    }

    @Test
    void aMinorFindingRaisesAMinorNonconformity() {
        raising.on(finding("F-02", FindingKind.MINOR_NONCONFORMITY));
        assertThat(sent).singleElement().extracting(c -> ((RaiseNonconformityCommand) c).severity()).isEqualTo(Severity.MINOR);
    }

    @Test
    void observationsAndOpportunitiesRaiseNothing() {
        raising.on(finding("F-03", FindingKind.OBSERVATION));
        raising.on(finding("F-04", FindingKind.OPPORTUNITY_FOR_IMPROVEMENT));
        assertThat(sent).isEmpty();
    }

    @Test
    void anObjectiveClosedAsNotAchievedRaisesAMinorNonconformityAgainstClause62OfTheClosersOrganisation() {
        raising.on(new ObjectiveClosedEvent(OBJECTIVE, new Assessment(false, "Chỉ đạt 91% hài lòng"), LocalDate.of(2023, 12, 31)),
                MetaData.from(QMR.toMetaData()));
        assertThat(sent).containsExactly(new RaiseNonconformityCommand(NonconformityId.forObjectiveNotAchieved(OBJECTIVE), "SLDTBXH-HD",
                new NonconformityOrigin(NonconformitySource.OBJECTIVE_NOT_ACHIEVED, null, null, OBJECTIVE, null, null),
                Severity.MINOR, null, "6.2", "Chỉ đạt 91% hài lòng", LocalDate.of(2023, 12, 31)));
    }

    @Test
    void anObjectiveAchievedRaisesNothing() {
        raising.on(new ObjectiveClosedEvent(OBJECTIVE, new Assessment(true, null), LocalDate.of(2023, 12, 31)), MetaData.from(QMR.toMetaData()));
        assertThat(sent).isEmpty();
    }

    @Test
    void aRefusedRaisingIsLoggedAndPassedSoThatTheProcessorGoesOn() {
        CommandGateway refusing = Mockito.mock(CommandGateway.class);
        Mockito.when(refusing.sendAndWait(Mockito.any())).thenThrow(new CommandExecutionException("refused", null,
                new CommandErrorDetails(CommandErrorDetails.Kind.RULE_BROKEN, "UNKNOWN_CLAUSE", "clause")));
        new AutomaticRaising(refusing).on(finding("F-05", FindingKind.MINOR_NONCONFORMITY));
        Mockito.verify(refusing).sendAndWait(Mockito.any());
    }

    @Test
    void anyOtherFailurePropagatesSoThatTheEventIsRetried() {
        CommandGateway failing = Mockito.mock(CommandGateway.class);
        Mockito.when(failing.sendAndWait(Mockito.any())).thenThrow(new CommandExecutionException("database away", new IllegalStateException()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AutomaticRaising(failing).on(finding("F-06", FindingKind.MINOR_NONCONFORMITY)))
                .isInstanceOf(CommandExecutionException.class);
    }
}

package vn.qualityledger.command.nonconformity;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import vn.qualityledger.api.audit.AuditId;
import vn.qualityledger.api.audit.FindingId;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.api.nonconformity.*;

/** Sample values: a minor nonconformity of unit VP found in audit ĐGNB-2023, clause 7.5.3, raised on 2023-06-10. */
final class NonconformityFixtures {

    static final String ORG = "SLDTBXH-HD";
    static final AuditId AUDIT = new AuditId("DGNB-2023");
    static final FindingId FINDING = new FindingId("F-03");
    static final NonconformityId NC = NonconformityId.forFinding(AUDIT, FINDING);
    /** A nonconformity raised by hand, under an id its raiser chose. */
    static final NonconformityId BY_HAND = NonconformityId.of("NC-2023-017");
    static final NonconformityOrigin FROM_FINDING = new NonconformityOrigin(NonconformitySource.AUDIT_FINDING, AUDIT, FINDING, null, null, null);
    static final String DESCRIPTION = "Hồ sơ TTHC lưu trữ không đúng quy định kiểm soát thông tin dạng văn bản";
    static final LocalDate RAISED_ON = LocalDate.of(2023, 6, 10);
    static final CorrectiveActionId ACTION = new CorrectiveActionId("A1");
    static final CorrectiveActionId SECOND_ACTION = new CorrectiveActionId("A2");
    static final LocalDate DUE = LocalDate.of(2023, 7, 31);
    static final DocumentReference EVIDENCE = new DocumentReference("45/BC-VP", LocalDate.of(2023, 7, 20), "Văn phòng Sở",
            "Báo cáo khắc phục lưu trữ hồ sơ", null, null);

    /** The actor of the behaviour tests: allowed everything they do, except verifying what it implemented itself. */
    static final Actor ADMINISTRATOR = new Actor("admin", "Quản trị hệ thống", List.of(Role.ADMIN), ORG, null);
    static final Actor QMR = new Actor("qmr", "QMR", List.of(Role.QMR), ORG, "QMR");

    private NonconformityFixtures() {
    }

    /** Commands dispatched without an actor act as {@link #ADMINISTRATOR}. */
    static void actAsAdministratorByDefault(AggregateTestFixture<Nonconformity> fixture) {
        fixture.registerCommandDispatchInterceptor(messages -> (index, command) ->
                command.getMetaData().containsKey(Actor.ID) ? command : command.andMetaData(ADMINISTRATOR.toMetaData()));
    }

    static RaiseNonconformityCommand raise() {
        return new RaiseNonconformityCommand(NC, ORG, FROM_FINDING, Severity.MINOR, "VP", "7.5.3", DESCRIPTION, RAISED_ON);
    }

    static NonconformityRaisedEvent raised() {
        return new NonconformityRaisedEvent(NC, ORG, FROM_FINDING, Severity.MINOR, "VP", "7.5.3", DESCRIPTION, RAISED_ON);
    }

    static RootCauseAnalysedEvent rootCauseAnalysed() {
        return new RootCauseAnalysedEvent(NC, "Chưa phân công người lưu trữ hồ sơ", "5 Whys", LocalDate.of(2023, 6, 15));
    }

    static PlanCorrectiveActionCommand plan() {
        return new PlanCorrectiveActionCommand(NC, ACTION, "VP", "Phân công và hướng dẫn lưu trữ hồ sơ", DUE, LocalDate.of(2023, 6, 16));
    }

    static CorrectiveActionPlannedEvent planned() {
        return planned(ACTION);
    }

    static CorrectiveActionPlannedEvent planned(CorrectiveActionId action) {
        return new CorrectiveActionPlannedEvent(NC, action, "VP", "Phân công và hướng dẫn lưu trữ hồ sơ", DUE, LocalDate.of(2023, 6, 16));
    }

    /** Implemented by a VP staff member, whose id the aggregate keeps. */
    static GenericDomainEventMessage<CorrectiveActionImplementedEvent> implemented(CorrectiveActionId action, long sequence) {
        Actor staff = new Actor("nhanvienvp", "Nhân viên VP", List.of(Role.STAFF), ORG, "VP");
        return new GenericDomainEventMessage<>("Nonconformity", NC.value(), sequence,
                new CorrectiveActionImplementedEvent(NC, action, EVIDENCE, null, LocalDate.of(2023, 7, 25)), MetaData.from(staff.toMetaData()));
    }

    static CorrectiveActionVerifiedEvent verified(CorrectiveActionId action, boolean effective) {
        return new CorrectiveActionVerifiedEvent(NC, action, effective, effective ? null : "Vẫn còn hồ sơ lưu sai", LocalDate.of(2023, 8, 10));
    }

    static NonconformityClosedEvent closed() {
        return new NonconformityClosedEvent(NC, "Đã khắc phục", LocalDate.of(2023, 8, 15));
    }
}

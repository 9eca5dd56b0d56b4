package vn.qualityledger.endtoend;

/**
 * The 2023 audit round of {@link AuditRoundEndToEndTest} entered in one sitting at the end of 2026: every request
 * states the real 2023 day of its step while the services' clock shows today. The tracker, the programme and every
 * nonconformity must come out exactly as in the lived round (the inherited tests): a nonconformity of a 2023 finding
 * counts in 2023, an action due in 2023 is planned, and the units audited in 2023 show as audited by 31/12/2023.
 *
 * <p>Every due date lies years back, so each action's overdue event is recorded as soon as it is planned; the figures
 * read the dates, not those events.
 */
class AuditRoundEnteredLateEndToEndTest extends AuditRoundEndToEndTest {

    @Override
    BothServices startServices() {
        return new BothServices("ql_test_audit_round_late", BothServices.Days.ENTERED_LATE, "--db-scheduler.polling-interval=200ms");
    }
}

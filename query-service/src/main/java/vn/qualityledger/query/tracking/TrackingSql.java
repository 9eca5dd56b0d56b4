package vn.qualityledger.query.tracking;

/**
 * How the audit and nonconformity tables read as of a local date, bound as {@code :asOf}: one definition for the
 * tracker, the audit programme and the objective links, so that none can drift from the others.
 */
public final class TrackingSql {

    /** Corrective action {@code a} is not implemented as of the date. */
    public static final String NOT_IMPLEMENTED = "(a.implemented_on IS NULL OR a.implemented_on > :asOf)";

    /** Corrective action {@code a} (planned by the date) is overdue as of the date: past its due date, not implemented. */
    public static final String ACTION_OVERDUE = NOT_IMPLEMENTED + " AND a.due_date < :asOf";

    /**
     * Every nonconformity raised on or before the date, with its state as of the date. Columns: those of
     * {@code nonconformity}, and
     * <ul>
     *   <li>{@code status}: CLOSED when the latest closure or reopening (in stream order) dated by then is a closure;
     *       REOPENED when it is a reopening; otherwise, over the actions planned by then: RAISED (none),
     *       ACTIONS_PLANNED (one not implemented by then), VERIFIED (each one implemented and verified at least once by
     *       then, and the latest verification by then found its action effective), IMPLEMENTED (the rest: all
     *       implemented, but one not verified yet or the latest verification found its action not effective);</li>
     *   <li>{@code closed_on}: the date of that closure, when CLOSED;</li>
     *   <li>{@code age_days}: days from raising to {@code closed_on}, or to the date when not closed;</li>
     *   <li>{@code overdue_actions}: actions planned by then, past their due date ({@code due_date < :asOf}) and not
     *       implemented by then; {@code overdue}: not closed and at least one such action;</li>
     *   <li>{@code first_verification_effective}: the verdict of its first verification (stream order) dated by then,
     *       null when none.</li>
     * </ul>
     */
    public static final String NONCONFORMITIES = """
            SELECT s.*,
                   CASE WHEN s.status = 'CLOSED' THEN s.last_closure_on END AS closed_on,
                   (CASE WHEN s.status = 'CLOSED' THEN s.last_closure_on ELSE CAST(:asOf AS date) END) - s.raised_on AS age_days,
                   s.status <> 'CLOSED' AND s.overdue_actions > 0 AS overdue
            FROM (
                SELECT n.*, cl.on_date AS last_closure_on, coalesce(act.planned, 0) AS actions_planned,
                       coalesce(act.overdue, 0) AS overdue_actions,
                       CASE WHEN cl.closed THEN 'CLOSED'
                            WHEN NOT cl.closed THEN 'REOPENED'
                            WHEN coalesce(act.planned, 0) = 0 THEN 'RAISED'
                            WHEN act.unimplemented > 0 THEN 'ACTIONS_PLANNED'
                            WHEN act.unverified = 0 AND (
                                SELECT v.effective FROM verification v
                                WHERE v.nonconformity_id = n.id AND v.verified_on <= :asOf
                                ORDER BY v.stream_sequence DESC LIMIT 1) THEN 'VERIFIED'
                            ELSE 'IMPLEMENTED' END AS status,
                       (SELECT v.effective FROM verification v
                        WHERE v.nonconformity_id = n.id AND v.verified_on <= :asOf
                        ORDER BY v.stream_sequence LIMIT 1) AS first_verification_effective
                FROM nonconformity n
                LEFT JOIN LATERAL (
                    SELECT c.closed, c.on_date FROM nonconformity_closure c
                    WHERE c.nonconformity_id = n.id AND c.on_date <= :asOf
                    ORDER BY c.stream_sequence DESC LIMIT 1
                ) cl ON TRUE
                LEFT JOIN LATERAL (
                    SELECT count(*) AS planned,
                           count(*) FILTER (WHERE %1$s) AS unimplemented,
                           count(*) FILTER (WHERE %2$s) AS overdue,
                           count(*) FILTER (WHERE NOT EXISTS (
                               SELECT 1 FROM verification v
                               WHERE v.nonconformity_id = a.nonconformity_id AND v.action_id = a.action_id
                                 AND v.verified_on <= :asOf)) AS unverified
                    FROM corrective_action a
                    WHERE a.nonconformity_id = n.id AND a.planned_on <= :asOf
                ) act ON TRUE
                WHERE n.raised_on <= :asOf
            ) s
            """.formatted(NOT_IMPLEMENTED, ACTION_OVERDUE);

    /** A row of {@link #NONCONFORMITIES} under {@code alias} is open (not closed) as of the date. */
    public static String open(String alias) {
        return alias + ".status <> 'CLOSED'";
    }

    private TrackingSql() {
    }
}

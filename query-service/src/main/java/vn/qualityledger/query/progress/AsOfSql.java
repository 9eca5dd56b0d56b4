package vn.qualityledger.query.progress;

/**
 * How the progress tables read as of a local date, bound as {@code :asOf}: one definition for every read of them, so
 * that the dashboards and the board cannot drift apart. Aliases: {@code o} occurrence, {@code m} its measure,
 * {@code e} evidence.
 */
public final class AsOfSql {

    /** Occurrence {@code o} is cancelled as of the date: cancelled on or before it. */
    public static final String CANCELLED = "coalesce(o.cancelled_on <= :asOf, false)";

    /**
     * The unit occurrence {@code o} is assigned to as of the date: its own assignment if made by then, else its
     * measure's if made by then (an assignment made later does not count yet).
     */
    public static final String UNIT = """
            CASE WHEN o.assigned_on <= :asOf THEN o.assigned_unit
                 WHEN m.assigned_on <= :asOf THEN m.assigned_unit END""";

    /** The person of the assignment that {@link #UNIT} takes the unit from. */
    public static final String PERSON = """
            CASE WHEN o.assigned_on <= :asOf THEN o.assigned_person
                 WHEN m.assigned_on <= :asOf THEN m.assigned_person END""";

    /** Evidence {@code e} is awaiting review as of the date: submitted by then and not decided by then. */
    public static final String AWAITING_REVIEW = "e.submitted_on <= :asOf AND (e.decided_on IS NULL OR e.decided_on > :asOf)";

    private AsOfSql() {
    }
}

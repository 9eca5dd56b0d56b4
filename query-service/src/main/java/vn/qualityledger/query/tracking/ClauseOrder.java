package vn.qualityledger.query.tracking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.qualityledger.api.audit.Iso9001Clauses;

/** Clauses in the standard's order (4.1 before 10.2), as {@link Iso9001Clauses} lists them; unknown ones last. */
public final class ClauseOrder {

    private static final List<String> ORDER = new ArrayList<>(Iso9001Clauses.all().keySet());

    public static final Comparator<String> COMPARATOR = Comparator
            .comparingInt((String clause) -> clause == null || ORDER.indexOf(clause) < 0 ? Integer.MAX_VALUE : ORDER.indexOf(clause))
            .thenComparing(Comparator.nullsLast(Comparator.naturalOrder()));

    private ClauseOrder() {
    }
}

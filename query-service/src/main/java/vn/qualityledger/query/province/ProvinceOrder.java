package vn.qualityledger.query.province;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import vn.qualityledger.query.province.ProvinceSummary.Organisation;
import vn.qualityledger.query.web.InvalidParameterException;

/**
 * The orders the province's roll-up can be read in: {@code sort=field} or {@code sort=field,desc}. An organisation
 * without a rate (nothing due) comes last either way, and ties keep code order, so that the same figures always list
 * the same way.
 */
enum ProvinceOrder {
    ORGANISATION_ID("organisationId", o -> o.organisationId()),
    OBJECTIVE_COUNT("objectiveCount", o -> (long) o.summary().objectiveCount()),
    COMPLETION_RATE("completionRate", o -> o.summary().completionRate()),
    ON_TIME_RATE("onTimeRate", o -> o.summary().onTimeRate()),
    OVERDUE_OCCURRENCES("overdueOccurrences", o -> o.summary().occurrences().overdue()),
    OPEN_NONCONFORMITIES("openNonconformities", o -> o.nonconformities().open()),
    OVERDUE_NONCONFORMITIES("overdueNonconformities", o -> o.nonconformities().overdue()),
    AUDITS_HELD("auditsHeld", o -> o.auditsHeld());

    static final String DEFAULT = "organisationId";
    static final String DESCRIPTION = "organisationId (default), objectiveCount, completionRate, onTimeRate, overdueOccurrences, "
            + "openNonconformities, overdueNonconformities or auditsHeld; ',desc' for largest first";

    private final String field;
    private final Function<Organisation, Comparable<?>> key;

    ProvinceOrder(String field, Function<Organisation, Comparable<?>> key) {
        this.field = field;
        this.key = key;
    }

    /** The comparator {@code sort} names; a 400 naming the parameter for anything else. */
    static Comparator<Organisation> parse(String sort) {
        String[] parts = sort.split(",", -1);
        boolean descending = parts.length == 2 && "desc".equals(parts[1].toLowerCase(Locale.ROOT));
        if (parts.length > 2 || parts.length == 2 && !descending && !"asc".equals(parts[1].toLowerCase(Locale.ROOT))) {
            throw new InvalidParameterException("sort", "must be a field optionally followed by ,asc or ,desc: " + DESCRIPTION);
        }
        ProvinceOrder order = Arrays.stream(values()).filter(o -> o.field.equals(parts[0])).findFirst()
                .orElseThrow(() -> new InvalidParameterException("sort", "must be one of " + DESCRIPTION));
        Comparator<Organisation> byCode = Comparator.comparing(Organisation::organisationId);
        if (order == ORGANISATION_ID) {
            return descending ? byCode.reversed() : byCode;
        }
        Comparator<Comparable<Object>> values = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        Function<Organisation, Comparable<Object>> key = order::keyOf;
        return Comparator.comparing(key, Comparator.nullsLast(values)).thenComparing(byCode);
    }

    @SuppressWarnings("unchecked") // every key of one order has one type: a String, a Long or a BigDecimal
    private Comparable<Object> keyOf(Organisation organisation) {
        return (Comparable<Object>) key.apply(organisation);
    }
}

package vn.qualityledger.query.nonconformity;

import vn.qualityledger.api.nonconformity.NonconformitySource;
import vn.qualityledger.api.nonconformity.Severity;
import vn.qualityledger.query.tracking.NonconformityStatus;

/** The list's filters; null means any. Status and overdue are as of the read's date. */
public record NonconformityFilter(Integer year, NonconformityStatus status, NonconformitySource source, String unit,
                                  String clause, Severity severity, Boolean overdue) {
}

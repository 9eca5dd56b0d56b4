package vn.qualityledger.query.auditprogramme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An organisation's internal audit programme for a year, as of a date. The seed requires every unit to be audited at
 * least once a year.
 *
 * @param units          the units known to the organisation for the year: the scope units of the year's audits planned
 *                       by the date, the lead and coordinating units of the year's measures (plan groups such as
 *                       {@code ALL_UNITS} and {@code UNIT_HEADS} left out), and any unit audited
 * @param audited        units with a unit audit held by the date in one of the year's audits
 * @param due            the other known units: still to be audited this year
 * @param auditedRate    audited / units in percent, null when no unit is known
 * @param findingsByUnit findings recorded by the date in the year's audits, by unit and kind
 * @param audits         each audit of the year planned by the date, with its findings and the open ones
 */
public record AuditProgramme(String organisationId, int year, LocalDate asOf, int units, List<AuditedUnit> audited,
                             List<DueUnit> due, BigDecimal auditedRate, List<UnitFindings> findingsByUnit,
                             List<ClauseFindings> findingsByClause, List<AuditStatus> audits) {

    /** @param firstHeldOn the first day it was audited this year */
    public record AuditedUnit(String unit, LocalDate firstHeldOn, List<String> auditIds) {
    }

    /** @param scheduledOn the earliest date a unit audit of it is scheduled for in the year's audits, if any (as scheduled now) */
    public record DueUnit(String unit, LocalDate scheduledOn) {
    }

    public record KindCounts(long majorNonconformities, long minorNonconformities, long observations,
                             long opportunitiesForImprovement, long total) {
    }

    public record UnitFindings(String unit, KindCounts findings) {
    }

    public record ClauseFindings(String clause, String title, KindCounts findings) {
    }

    /**
     * @param reportIssuedOn   when its report was issued, if by the date
     * @param closedOn         when it was closed, if by the date
     * @param unitsHeld        distinct units audited by the date
     * @param openFindingIds   major and minor nonconformity findings whose nonconformity is not closed as of the date (or
     *                         not raised yet); observations and opportunities are never open
     */
    public record AuditStatus(String auditId, String title, LocalDate plannedFrom, LocalDate plannedTo, LocalDate reportIssuedOn,
                              LocalDate closedOn, long unitsHeld, KindCounts findings, long openFindings,
                              List<String> openFindingIds) {
    }
}

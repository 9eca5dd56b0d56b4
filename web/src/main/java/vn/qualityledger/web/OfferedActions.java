package vn.qualityledger.web;

import java.util.Collection;
import java.util.List;

/**
 * Which buttons and forms a page offers the signed-in user: the permission matrices of command-service's
 * {@code AccessPolicy} and {@code NonconformityAccessPolicy}, read from the README, for display only. The service
 * still decides every command — a form shown by mistake ends in the service's refusal, shown with its reason — so this
 * copy can only offer too much or too little, never let anything through. (The APIs do not say which actions a user may take; see the README's gaps.)
 */
public final class OfferedActions {

    private static final List<String> PLANNERS = List.of("ADMIN", "ISO_SECRETARY", "QMR");
    private static final List<String> WORKING = List.of("ADMIN", "ISO_SECRETARY", "QMR", "UNIT_HEAD", "STAFF");

    private OfferedActions() {
    }

    /** Whose work a measure or an occurrence is: its assignment, else its measure's, else the measure's lead units. */
    static List<String> unitsOfTheWork(Object occurrenceUnit, Object measureUnit, Collection<String> leadUnits) {
        if (occurrenceUnit != null && !occurrenceUnit.toString().isBlank()) {
            return List.of(occurrenceUnit.toString());
        }
        if (measureUnit != null && !measureUnit.toString().isBlank()) {
            return List.of(measureUnit.toString());
        }
        return List.copyOf(leadUnits);
    }

    /** Filing evidence: the secretary and administrators for anyone, unit heads and staff for their own unit's work. */
    static boolean mayFileEvidence(SignedInUser user, Collection<String> unitsOfTheWork) {
        if (hasAny(user, "ADMIN", "ISO_SECRETARY")) {
            return true;
        }
        return hasAny(user, "UNIT_HEAD", "STAFF") && covers(unitsOfTheWork, user);
    }

    /** Reviewing evidence: a working role whose unit monitors the measure (the service also refuses one's own evidence). */
    static boolean mayReview(SignedInUser user, Collection<String> monitors) {
        if (WORKING.stream().noneMatch(user::hasRole) || user.unit() == null || user.unit().isBlank()) {
            return false;
        }
        return monitors.contains(user.unit()) || monitors.stream().anyMatch(m -> m.startsWith("ALL_"))
                || (monitors.contains("UNIT_HEADS") && user.hasRole("UNIT_HEAD"));
    }

    /** Assigning: planners anything; a unit head only their own unit's work, and only within their unit. */
    static boolean mayAssign(SignedInUser user, Collection<String> unitsOfTheWork) {
        return isPlanner(user) || (user.hasRole("UNIT_HEAD") && covers(unitsOfTheWork, user));
    }

    /** Raising a nonconformity by hand or from a complaint: the secretary, the QMR, an auditor, an administrator. */
    static boolean mayRaiseNonconformity(SignedInUser user) {
        return hasAny(user, "ADMIN", "ISO_SECRETARY", "QMR", "AUDITOR");
    }

    /** Correction, root cause, planning actions: the secretary, the QMR, an administrator; a unit head for their unit's nonconformity. */
    static boolean mayTreatNonconformity(SignedInUser user, String nonconformityUnit) {
        return isPlanner(user) || (user.hasRole("UNIT_HEAD") && sameUnit(user, nonconformityUnit));
    }

    /** Implementing a corrective action: the secretary, an administrator, and the action's owner unit's head and staff. */
    static boolean mayImplementAction(SignedInUser user, String ownerUnit) {
        return hasAny(user, "ADMIN", "ISO_SECRETARY") || (hasAny(user, "UNIT_HEAD", "STAFF") && sameUnit(user, ownerUnit));
    }

    /** Verifying effectiveness: the QMR, an auditor, an administrator (never of an action they implemented: the service refuses, OWN_ACTION). */
    static boolean mayVerify(SignedInUser user) {
        return hasAny(user, "ADMIN", "QMR", "AUDITOR");
    }

    /** Verifying an action implemented by {@code implementerId}: as {@link #mayVerify(SignedInUser)}, and never one's own (OWN_ACTION). */
    static boolean mayVerify(SignedInUser user, String implementerId) {
        return mayVerify(user) && (implementerId == null || !implementerId.equals(user.actorId()));
    }

    /** Closing and reopening a nonconformity: the QMR and administrators. */
    static boolean mayCloseNonconformity(SignedInUser user) {
        return hasAny(user, "ADMIN", "QMR");
    }

    /** Recording a measurement of an objective's target indicator: planners of the objective's organisation (RecordMeasurement). */
    static boolean mayRecordMeasurement(SignedInUser user, String organisationId) {
        return isPlanner(user) && organisationId.equals(user.organisation());
    }

    /** Issuing a results report: the secretary, the QMR and administrators of the organisation (IssueResultsReport). */
    public static boolean mayIssueReports(SignedInUser user, String organisationId) {
        return hasAny(user, "ADMIN", "ISO_SECRETARY", "QMR") && organisationId.equals(user.organisation());
    }

    private static boolean sameUnit(SignedInUser user, String unit) {
        return user.unit() != null && !user.unit().isBlank() && user.unit().equals(unit);
    }

    public static boolean isPlanner(SignedInUser user) {
        return PLANNERS.stream().anyMatch(user::hasRole);
    }

    private static boolean covers(Collection<String> unitsOfTheWork, SignedInUser user) {
        return user.unit() != null && !user.unit().isBlank()
                && (unitsOfTheWork.contains(user.unit()) || unitsOfTheWork.stream().anyMatch(u -> u.startsWith("ALL_")));
    }

    private static boolean hasAny(SignedInUser user, String... roles) {
        for (String role : roles) {
            if (user.hasRole(role)) {
                return true;
            }
        }
        return false;
    }
}

package vn.qualityledger.command.audit;

/**
 * An auditor does not audit their own unit (ISO 9001:2015, 9.2.2 c: auditors are chosen so that the audit is objective
 * and impartial). Applied when a unit audit is scheduled and again when its notes and findings are recorded.
 */
final class AuditorIndependence {

    private AuditorIndependence() {
    }

    /** Whether an auditor of {@code auditorUnit} would audit their own unit; an auditor with no unit never does. */
    static boolean auditsOwnUnit(String auditorUnit, String auditedUnit) {
        return auditorUnit != null && auditorUnit.equals(auditedUnit);
    }
}

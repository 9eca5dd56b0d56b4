package vn.qualityledger.command.audit;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.qualityledger.api.audit.ChecklistNote;
import vn.qualityledger.api.audit.TeamMember;
import vn.qualityledger.command.common.Refusal;

/**
 * The programme (Chương trình ĐGNB) and the checklist: a unit audit is scheduled with auditors of the team, none of
 * them from the audited unit, on a day of the round; it is held with checklist notes against known clauses.
 *
 * <p>Neither may fall before the round starts (the plan comes first); both may fall after its planned end, because a
 * round that overruns has no other way to finish (a plan is not revised). A unit audit may be held on another day than
 * scheduled: the notes record when it really took place.
 */
final class UnitAuditPolicy {

    private UnitAuditPolicy() {
    }

    static void requireSchedulable(String unit, LocalDate date, List<String> auditors, Team team, LocalDate roundStarts) {
        requireInRound(date, "date", roundStarts);
        if (auditors == null || auditors.isEmpty()) {
            throw Refusal.ruleBroken("AUDITORS_REQUIRED", "auditors", "A unit audit is scheduled with at least one auditor of the team");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < auditors.size(); i++) {
            String field = "auditors[" + i + "]";
            TeamMember member = auditors.get(i) == null ? null : team.member(auditors.get(i));
            if (member == null) {
                throw Refusal.ruleBroken("AUDITOR_NOT_ON_TEAM", field, auditors.get(i) + " is not on the audit team");
            }
            if (!seen.add(member.userId())) {
                throw Refusal.ruleBroken("AUDITOR_TWICE", field, member.userId() + " is named twice");
            }
            if (AuditorIndependence.auditsOwnUnit(member.unit(), unit)) {
                throw Refusal.ruleBroken("OWN_UNIT", field, member.name() + " belongs to " + unit + " and does not audit their own unit");
            }
        }
    }

    static void requireHoldable(LocalDate heldOn, List<ChecklistNote> notes, LocalDate roundStarts) {
        requireInRound(heldOn, "heldOn", roundStarts);
        if (notes == null || notes.isEmpty()) {
            throw Refusal.ruleBroken("NOTES_REQUIRED", "notes", "A unit audit is recorded with its checklist notes");
        }
        for (int i = 0; i < notes.size(); i++) {
            String field = "notes[" + i + "]";
            ChecklistNote note = notes.get(i);
            if (note == null) {
                throw Refusal.ruleBroken("NOTE_INCOMPLETE", field, "A checklist note is empty");
            }
            ClausePolicy.requireKnown(note.clause(), field + ".clause");
            if (AuditPlanPolicy.isBlank(note.question())) {
                throw Refusal.ruleBroken("NOTE_INCOMPLETE", field + ".question", "A checklist note says what was asked or checked");
            }
            if (AuditPlanPolicy.isBlank(note.observed())) {
                throw Refusal.ruleBroken("NOTE_INCOMPLETE", field + ".observed", "A checklist note says what was seen");
            }
            if (note.conformity() == null) {
                throw Refusal.ruleBroken("NOTE_INCOMPLETE", field + ".conformity", "A checklist note gives a verdict");
            }
        }
    }

    private static void requireInRound(LocalDate date, String field, LocalDate roundStarts) {
        if (date == null) {
            throw Refusal.ruleBroken("DATE_REQUIRED", field, "A unit audit has a date");
        }
        if (date.isBefore(roundStarts)) {
            throw Refusal.ruleBroken("BEFORE_ROUND", field, "The round starts on " + roundStarts + "; no unit audit before it");
        }
    }
}

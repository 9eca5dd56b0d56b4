package vn.qualityledger.command.objective;

import java.util.Collection;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.command.common.Acting;
import vn.qualityledger.command.common.Refusal;

/**
 * Who may issue which command on an objective (the permission matrix of the README), decided in the aggregate so that
 * no way into the service can skip it. Everyone acts only within their own organisation.
 */
public final class AccessPolicy {

    /** Unit codes of a plan that stand for every unit (the plan's groups). */
    private static final String ANY_UNIT_PREFIX = "ALL_";
    private static final String UNIT_HEADS = "UNIT_HEADS";

    private AccessPolicy() {
    }

    static Actor requireActor(Actor actor) {
        return Acting.requireActor(actor);
    }

    static void requireOrganisation(Actor actor, String organisationId) {
        Acting.requireOrganisation(actor, organisationId);
    }

    /** Defining objectives, planning and measuring: the ISO secretary, the QMR, an administrator. */
    public static void requirePlanner(Actor actor) {
        if (!actor.hasAny(Role.ADMIN, Role.ISO_SECRETARY, Role.QMR)) {
            throw forbidden("PLANNERS_ONLY", "Only the ISO secretary, the QMR or an administrator may change the plan");
        }
    }

    /** Closing the year: the QMR or an administrator. */
    static void requireCloser(Actor actor) {
        if (!actor.hasAny(Role.ADMIN, Role.QMR)) {
            throw forbidden("QMR_ONLY", "Only the QMR or an administrator closes an objective's year");
        }
    }

    /** Planners assign anything; a unit head hands out only work that is their unit's, and keeps it in their unit. */
    static void requireAssigner(Actor actor, Collection<String> unitsOfTheWork, String newUnit) {
        if (actor.hasAny(Role.ADMIN, Role.ISO_SECRETARY, Role.QMR)) {
            return;
        }
        if (actor.has(Role.UNIT_HEAD) && covers(unitsOfTheWork, actor) && actor.unit().equals(newUnit)) {
            return;
        }
        throw forbidden("NOT_YOUR_UNITS_WORK", "A unit head assigns only their own unit's work, within their unit");
    }

    /** The secretary and administrators file for anyone; unit heads and staff only for their own unit's work. */
    static void requireWorker(Actor actor, Collection<String> unitsOfTheWork) {
        if (actor.hasAny(Role.ADMIN, Role.ISO_SECRETARY)) {
            return;
        }
        if (actor.hasAny(Role.UNIT_HEAD, Role.STAFF) && covers(unitsOfTheWork, actor)) {
            return;
        }
        throw forbidden("NOT_YOUR_UNITS_WORK", "You file evidence only for your own unit's work");
    }

    /** Only a monitor of the measure reviews its evidence, and never evidence they submitted themselves. */
    static void requireReviewer(Actor actor, Collection<String> monitors, String submittedBy) {
        boolean working = actor.hasAny(Role.ADMIN, Role.ISO_SECRETARY, Role.QMR, Role.UNIT_HEAD, Role.STAFF);
        boolean monitor = actor.unit() != null && (monitors.contains(actor.unit())
                || monitors.stream().anyMatch(m -> m.startsWith(ANY_UNIT_PREFIX))
                || (monitors.contains(UNIT_HEADS) && actor.has(Role.UNIT_HEAD)));
        if (!working || !monitor) {
            throw forbidden("MONITORS_ONLY", "Only a monitor of the measure (" + String.join(", ", monitors) + ") reviews its evidence");
        }
        if (actor.id().equals(submittedBy)) {
            throw forbidden("OWN_EVIDENCE", "Nobody reviews evidence they submitted themselves");
        }
    }

    private static boolean covers(Collection<String> unitsOfTheWork, Actor actor) {
        return actor.unit() != null && (unitsOfTheWork.contains(actor.unit())
                || unitsOfTheWork.stream().anyMatch(u -> u.startsWith(ANY_UNIT_PREFIX)));
    }

    private static org.axonframework.commandhandling.CommandExecutionException forbidden(String code, String message) {
        return Refusal.forbidden(code, message);
    }
}

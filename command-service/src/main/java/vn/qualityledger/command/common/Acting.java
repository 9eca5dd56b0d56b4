package vn.qualityledger.command.common;

import vn.qualityledger.api.common.Actor;

/** The rules every aggregate applies before its own permission matrix: a signed-in actor, acting for its own organisation. */
public final class Acting {

    private Acting() {
    }

    public static Actor requireActor(Actor actor) {
        if (actor == null) {
            throw Refusal.forbidden("ACTOR_REQUIRED", "A command must be issued by a signed-in user");
        }
        return actor;
    }

    public static void requireOrganisation(Actor actor, String organisationId) {
        if (!organisationId.equals(requireActor(actor).organisation())) {
            throw Refusal.forbidden("OTHER_ORGANISATION", "You act only for your own organisation (" + actor.organisation() + ")");
        }
    }
}

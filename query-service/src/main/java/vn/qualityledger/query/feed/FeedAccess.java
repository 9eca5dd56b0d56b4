package vn.qualityledger.query.feed;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.query.web.InvalidParameterException;
import vn.qualityledger.support.security.CurrentActor;

/**
 * Who may read the feed: the consumers' machine role (FEED_CONSUMER) or an administrator, and only for the
 * organisations granted to it — its own, plus those its user settings ({@code feed-organisations}) or its token's feed
 * claim list; {@code "*"} there grants every organisation (a province-level data warehouse).
 */
@Component
public class FeedAccess {

    static final String EVERY_ORGANISATION = "*";

    private final CurrentActor actors;

    public FeedAccess(CurrentActor actors) {
        this.actors = actors;
    }

    /**
     * The organisation the reader reads: the one asked for if granted; null (every organisation) when none is asked
     * for and every one is granted.
     */
    public String requireOrganisation(String organisationId) {
        Actor actor = actors.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in to read"));
        if (!actor.has(Role.FEED_CONSUMER) && !actor.has(Role.ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the feed consumer role or an administrator reads the event feed");
        }
        Set<String> granted = new LinkedHashSet<>(actors.feedOrganisations());
        if (actor.organisation() != null) {
            granted.add(actor.organisation());
        }
        boolean everyOrganisation = granted.contains(EVERY_ORGANISATION);
        if (organisationId == null || organisationId.isBlank()) {
            if (everyOrganisation) {
                return null;
            }
            throw new InvalidParameterException("organisation", "is required: you may read the feed of " + granted);
        }
        if (!everyOrganisation && !granted.contains(organisationId)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "You may read the feed of " + (granted.isEmpty() ? "no organisation" : String.join(", ", granted))
                            + ", not of " + organisationId);
        }
        return organisationId;
    }
}

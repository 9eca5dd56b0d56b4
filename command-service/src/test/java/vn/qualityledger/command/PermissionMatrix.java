package vn.qualityledger.command;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.params.provider.Arguments;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.CommandErrorDetails;

/**
 * What the aggregates' permission tests share: a command's case (the events before it, the command, who may send it),
 * every case against every demo user as test arguments, and the refusal they expect of anyone else.
 */
public final class PermissionMatrix {

    private PermissionMatrix() {
    }

    /** A command of the README's matrix: the stream it meets, and the users allowed to send it. */
    public record Case(List<Object> given, Object command, Set<String> allowed) {
    }

    /** (command name, user, allowed) for every case and every user, in the maps' order. */
    public static Stream<Arguments> arguments(Map<String, Case> cases, Map<String, Actor> users) {
        return cases.entrySet().stream().flatMap(c -> users.keySet().stream()
                .map(user -> Arguments.of(c.getKey(), user, c.getValue().allowed().contains(user))));
    }

    /**
     * Sends the case's command as the user after the case's events: allowed, it is handled; otherwise it is refused as
     * FORBIDDEN and stores nothing. The result, for what a test checks further.
     */
    public static <T> ResultValidator<T> send(AggregateTestFixture<T> fixture, Case scenario, Actor actor, boolean allowed) {
        ResultValidator<T> result = fixture.given(scenario.given()).when(scenario.command(), actor.toMetaData());
        if (allowed) {
            result.expectSuccessfulHandlerExecution();
        } else {
            result.expectNoEvents().expectException(CommandExecutionException.class).expectExceptionDetails(forbidden());
        }
        return result;
    }

    /** The details of any refusal of kind FORBIDDEN, whatever its code. */
    public static CustomTypeSafeMatcher<Object> forbidden() {
        return new CustomTypeSafeMatcher<>("details of kind FORBIDDEN") {
            @Override
            protected boolean matchesSafely(Object details) {
                return details instanceof CommandErrorDetails d && d.kind() == CommandErrorDetails.Kind.FORBIDDEN;
            }
        };
    }
}

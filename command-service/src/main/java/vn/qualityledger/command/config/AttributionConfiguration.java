package vn.qualityledger.command.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.support.security.CurrentActor;

/**
 * Who did it, and in answer to what: every command carries the signed-in user as its actor (taken from the security
 * context, never from the request body), and every event copies the actor, the command's id, and correlation and
 * causation ids into its metadata.
 */
@Configuration
class AttributionConfiguration {

    static final String COMMAND_ID = "commandId";
    static final String CAUSATION_ID = "causationId";

    @Bean
    SmartInitializingSingleton stampCommandsWithTheActor(CommandGateway gateway, CurrentActor actors) {
        return () -> ((DefaultCommandGateway) gateway).registerDispatchInterceptor(messages -> (index, command) ->
                command.getMetaData().containsKey(Actor.ID) ? command : stamp(command, actors));
    }

    private static CommandMessage<?> stamp(CommandMessage<?> command, CurrentActor actors) {
        return actors.get().<CommandMessage<?>>map(actor -> command.andMetaData(actor.toMetaData())).orElse(command);
    }

    /** correlationId: the message that caused this one; traceId: the first message of the conversation (Axon 4). */
    @Bean
    MessageOriginProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider actorOnEveryEvent() {
        return new SimpleCorrelationDataProvider(Actor.ID, Actor.NAME, Actor.ROLES, Actor.ORGANISATION, Actor.UNIT);
    }

    /**
     * commandId: the command being handled. causationId: the message that caused the event — the command a user sent;
     * but for a command the service sent itself while handling an event (an automatic raise), that event, which the
     * command carries as its own causationId: the command is never stored, the event is, so an auditor can follow it.
     */
    @Bean
    CorrelationDataProvider commandAndCausation() {
        return message -> {
            Map<String, Object> ids = new LinkedHashMap<>();
            Object cause = message instanceof CommandMessage<?> ? message.getMetaData().get(CAUSATION_ID) : null;
            ids.put(CAUSATION_ID, cause != null ? cause : message.getIdentifier());
            if (message instanceof CommandMessage<?>) {
                ids.put(COMMAND_ID, message.getIdentifier());
            }
            return ids;
        };
    }
}

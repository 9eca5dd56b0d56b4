package vn.qualityledger.query.feed;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The optional push of the feed to RabbitMQ, built only when {@code quality-ledger.feed.amqp.enabled} is true. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "quality-ledger.feed.amqp.enabled", havingValue = "true")
class FeedAmqpConfiguration {

    @Bean(destroyMethod = "destroy")
    CachingConnectionFactory feedConnectionFactory(FeedProperties properties) {
        FeedProperties.Amqp amqp = properties.amqp();
        CachingConnectionFactory connections = new CachingConnectionFactory(amqp.host(), amqp.port());
        connections.setUsername(amqp.username());
        connections.setPassword(amqp.password());
        // Publisher confirms: the tracked position advances only for messages the broker has taken responsibility for.
        connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
        connections.setConnectionNameStrategy(factory -> "quality-ledger query-service feed");
        return connections;
    }

    @Bean
    AmqpFeedPublisher amqpFeedPublisher(FeedReader reader, CloudEvents cloudEvents, CachingConnectionFactory feedConnectionFactory,
                                        JdbcTemplate jdbc, PlatformTransactionManager transactions, FeedProperties properties) {
        return new AmqpFeedPublisher(reader, cloudEvents, feedConnectionFactory, jdbc, transactions, properties.amqp());
    }
}

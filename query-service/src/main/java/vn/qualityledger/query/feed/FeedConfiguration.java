package vn.qualityledger.query.feed;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeedProperties.class)
class FeedConfiguration {

    /** The feed's publication lag, in positions: what a consumer of the feed cannot see yet (README, "Operations"). */
    @Bean
    SmartInitializingSingleton feedLagGauge(ObjectProvider<MeterRegistry> registry, FeedReader reader) {
        return () -> registry.ifAvailable(meters -> Gauge.builder("qualityledger.feed.positions_behind", reader, FeedReader::positionsBehind)
                .description("Positions stored in the event store past the feed's watermark")
                .register(meters));
    }
}

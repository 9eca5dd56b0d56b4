package vn.qualityledger.support.upcasting;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Both services read the same event store, so both get every upcaster: each {@link EventRevisionUpcast} of this package
 * becomes a bean, and {@link PublishedEventUpcaster}, an {@code EventUpcaster} bean, joins the chain Axon's Spring Boot
 * auto-configuration hands to the event storage engine.
 */
@AutoConfiguration
@ComponentScan(basePackageClasses = EventRevisionUpcast.class, useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = EventRevisionUpcast.class))
public class UpcastingConfiguration {

    @Bean
    PublishedEventUpcaster publishedEventUpcaster(ObjectProvider<EventRevisionUpcast> steps) {
        return new PublishedEventUpcaster(steps.orderedStream().toList());
    }
}

package vn.qualityledger.support.openapi;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The services' OpenAPI documents share their security schemes, problem format and summaries ({@link ApiDescription})
 * and examples an integrator can send as they stand ({@link ApiExamples}).
 */
@AutoConfiguration
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
public class OpenApiConfiguration {

    @Bean
    GlobalOpenApiCustomizer qualityLedgerApiDescription(
            @Value("${spring.application.name:quality-ledger}") String service,
            @Value("${quality-ledger.api.description:}") String description,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer) {
        return new ApiDescription(service, description, issuer);
    }

    @Bean
    GlobalOpenApiCustomizer qualityLedgerApiExamples() {
        return new ApiExamples();
    }
}

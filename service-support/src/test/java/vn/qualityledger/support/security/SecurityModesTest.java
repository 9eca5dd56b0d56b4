package vn.qualityledger.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.web.SecurityFilterChain;

/**
 * In OIDC mode the services' security is the ledger's chain alone: with an issuer configured, Spring Boot's resource
 * server would otherwise add its own any-request chain beside it, and the service would not start.
 */
class SecurityModesTest {

    private final WebApplicationContextRunner services = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SecurityConfiguration.class, SecurityAutoConfiguration.class,
                    ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
                    OAuth2ResourceServerWebSecurityAutoConfiguration.class));

    @Test
    void inOidcModeTheLedgersChainIsTheOnlyOne() {
        services.withPropertyValues("quality-ledger.security.mode=OIDC",
                        // Never called: the issuer's keys are fetched at the first JWT.
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:9/realms/so")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("ledgerSecurity");
                });
    }
}

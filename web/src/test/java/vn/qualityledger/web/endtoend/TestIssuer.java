package vn.qualityledger.web.endtoend;

import java.util.List;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The OIDC journey's issuer: Spring Authorization Server as Spring Boot configures it (its sign-in form, discovery,
 * JWKs, RP-initiated logout), with one client, the web application (confidential, PKCE required), and one user of the
 * Department whose ID and access tokens carry the claims the services read: {@code name}, {@code roles},
 * {@code organisation}, {@code unit}. Deliberately no {@code @Configuration}: the web application's component scan,
 * which covers this package in the test JVM, must not pick it up.
 */
@EnableAutoConfiguration
class TestIssuer {

    static final String USERNAME = "oanh.tt";
    static final String PASSWORD = "mat-khau-cua-so";
    static final String NAME = "Trần Thị Oanh";
    static final String CLIENT_ID = "quality-ledger-web";
    static final String CLIENT_SECRET = "bi-mat-cua-web";

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(User.withUsername(USERNAME).password("{noop}" + PASSWORD).roles("USER").build());
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> departmentClaims() {
        return context -> context.getClaims().claim("name", NAME).claim("roles", List.of("ISO_SECRETARY"))
                .claim("organisation", "SLDTBXH-HD").claim("unit", "TK-ISO");
    }

    /** The issuer at {@code issuerUrl} (http://127.0.0.1:port), for the web application at {@code webUrl}. */
    static ConfigurableApplicationContext start(int port, String issuerUrl, String webUrl) {
        String client = "--spring.security.oauth2.authorizationserver.client.web.";
        return new SpringApplicationBuilder(TestIssuer.class).run(
                // Not the web application's application.yml, which is on this classpath too.
                "--spring.config.name=test-issuer",
                "--spring.application.name=test-issuer",
                "--server.port=" + port, "--server.address=127.0.0.1",
                // The issuer and the web share the host 127.0.0.1, and cookies do not tell ports apart.
                "--server.servlet.session.cookie.name=ISSUERSESSION",
                "--spring.thymeleaf.check-template-location=false",
                "--spring.security.oauth2.authorizationserver.issuer=" + issuerUrl,
                client + "registration.client-id=" + CLIENT_ID,
                client + "registration.client-secret={noop}" + CLIENT_SECRET,
                client + "registration.client-authentication-methods=client_secret_basic",
                client + "registration.authorization-grant-types=authorization_code",
                client + "registration.redirect-uris=" + webUrl + "/login/oauth2/code/oidc",
                client + "registration.post-logout-redirect-uris=" + webUrl + "/login?signedOut",
                client + "registration.scopes=openid,profile",
                client + "require-proof-key=true",
                client + "require-authorization-consent=false");
    }
}

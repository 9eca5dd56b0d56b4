package vn.qualityledger.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * Sign-in with a form (CSRF-protected, as every form): the typed credentials go once to command-service, which answers
 * with a session token and the actor; the HTTP session keeps those, never the password. Sign-out revokes the token.
 * In OIDC mode the form gives way to the issuer's sign-in ({@link OidcSignIn}), which ends in the same kind of session.
 */
@Configuration
@Import(OidcSignIn.class)
class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** How users sign in: the password form (the services' configured users), or the agency's OIDC issuer. */
    enum Mode { BASIC, OIDC }

    static final String MODE_PROPERTY = "quality-ledger.security.mode";

    @Bean
    SecurityFilterChain pages(HttpSecurity http, QualityLedgerClient client, @Value("${" + MODE_PROPERTY + ":BASIC}") Mode mode,
                              ObjectProvider<ClientRegistrationRepository> registrations) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/webjars/**", "/favicon.ico", "/error", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .logout(logout -> logout.addLogoutHandler(revokeSession(client)));
        if (mode == Mode.OIDC) {
            OidcSignIn.configure(http, client, registrations.getObject(), failureHandler());
        } else {
            http.formLogin(form -> form.loginPage("/login").failureHandler(failureHandler()).defaultSuccessUrl("/", true).permitAll())
                    .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"));
        }
        return http.build();
    }

    /**
     * The password form's only way in; as a bean it also keeps Spring Boot from configuring a default user with a
     * generated password (in OIDC mode the client registration does that).
     */
    @Bean
    @ConditionalOnProperty(name = MODE_PROPERTY, havingValue = "BASIC", matchIfMissing = true)
    ServiceAuthentication serviceAuthentication(QualityLedgerClient client) {
        return new ServiceAuthentication(client);
    }

    private static AuthenticationFailureHandler failureHandler() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            String reason = e instanceof AuthenticationServiceException ? "unavailable" : "error";
            String username = request.getParameter("username");
            if (username != null && username.length() <= 100) {
                // Typed again is one chore too many: the form shows the name, never the password.
                request.getSession().setAttribute(SignInController.LAST_USERNAME, username);
            }
            response.sendRedirect(request.getContextPath() + "/login?" + reason);
        };
    }

    private static LogoutHandler revokeSession(QualityLedgerClient client) {
        return (request, response, authentication) -> {
            SignedInUser.of(authentication).ifPresent(user -> {
                try {
                    client.signOut(user);
                } catch (ServiceProblem unreachable) {
                    // The web session ends anyway; the token expires by itself.
                    LOG.warn("Could not revoke the session of {}: {}", user, unreachable.getMessage());
                }
            });
        };
    }

    /** Checks the credentials by asking command-service for a session: the only place a password passes through. */
    static final class ServiceAuthentication implements AuthenticationProvider {

        private final QualityLedgerClient client;

        ServiceAuthentication(QualityLedgerClient client) {
            this.client = client;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String username = authentication.getName();
            Object credentials = authentication.getCredentials();
            if (username == null || username.isBlank() || credentials == null || credentials.toString().isEmpty()) {
                throw new BadCredentialsException("empty");
            }
            SignedInUser user;
            try {
                user = client.signIn(username.trim(), credentials.toString())
                        .orElseThrow(() -> new BadCredentialsException("refused by command-service"));
            } catch (ServiceProblem problem) {
                // Internal: no other provider is tried, and the page says the service is unreachable, not the password wrong.
                throw new InternalAuthenticationServiceException(problem.getMessage(), problem);
            }
            return UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }
}

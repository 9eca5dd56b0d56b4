package vn.qualityledger.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.SupplierClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.util.Assert;

/**
 * OIDC mode ({@code quality-ledger.security.mode=OIDC}, as the services): the user signs in at the agency's issuer
 * (authorization code with PKCE); the web application then sends the user's access token once to command-service's
 * {@code POST /api/sessions} and from then on is signed in exactly as after the password form: the session's token
 * calls the services, the session's answer says who the user is. Sign-out revokes that token and ends the issuer's
 * session too when the issuer offers RP-initiated logout.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = SecurityConfiguration.MODE_PROPERTY, havingValue = "OIDC")
class OidcSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(OidcSignIn.class);

    static final String REGISTRATION_ID = "oidc";
    private static final String SIGNED_OUT = "/login?signedOut";

    /** The issuer, discovered at the first sign-in rather than at start-up (a discovery that failed is tried again). */
    @Bean
    ClientRegistrationRepository clientRegistrations(@Value("${quality-ledger.security.oidc.issuer-uri:}") String issuerUri,
                                                     @Value("${quality-ledger.security.oidc.client-id}") String clientId,
                                                     @Value("${quality-ledger.security.oidc.client-secret:}") String clientSecret,
                                                     @Value("${quality-ledger.security.oidc.scopes}") String[] scopes) {
        Assert.hasText(issuerUri, "OIDC mode needs the issuer: OIDC_ISSUER_URI (quality-ledger.security.oidc.issuer-uri)");
        return new SupplierClientRegistrationRepository(() -> new InMemoryClientRegistrationRepository(
                ClientRegistrations.fromIssuerLocation(issuerUri)
                        .registrationId(REGISTRATION_ID)
                        .clientId(clientId)
                        .clientSecret(clientSecret)
                        // Without a secret the client is public; PKCE either way, so a stolen code is worth nothing.
                        .clientAuthenticationMethod(clientSecret.isBlank() ? ClientAuthenticationMethod.NONE
                                : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .scope(scopes)
                        .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                        .build()));
    }

    /** The OIDC part of the pages' security: sign-in at the issuer, sign-out there too. */
    static void configure(HttpSecurity http, QualityLedgerClient client, ClientRegistrationRepository registrations,
                          AuthenticationFailureHandler failureHandler) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler issuerLogout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        issuerLogout.setPostLogoutRedirectUri("{baseUrl}" + SIGNED_OUT);
        issuerLogout.setDefaultTargetUrl(SIGNED_OUT); // an issuer that advertises no end_session_endpoint
        http.oauth2Login(login -> login.loginPage("/login")
                        .withObjectPostProcessor(issuerUnreachableSaysSo())
                        .clientRegistrationRepository(registrations)
                        .authorizedClientRepository(new IssuerTokensNotKept())
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new ServiceSession(client)))
                        .failureHandler(failureHandler)
                        .defaultSuccessUrl("/", true))
                .logout(logout -> logout.logoutSuccessHandler(issuerLogout));
    }

    /**
     * Starting the sign-in needs the issuer's discovery document; when it cannot be read the sign-in page says the
     * service is unreachable (instead of a bare 500), and the next attempt tries again.
     */
    private static ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter> issuerUnreachableSaysSo() {
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                filter.setAuthenticationFailureHandler((request, response, unreachable) -> {
                    LOG.warn("Could not start the sign-in at the issuer: {}", unreachable.getMessage());
                    response.sendRedirect(request.getContextPath() + "/login?unavailable");
                });
                return filter;
            }
        };
    }

    /**
     * Who signs in after the issuer's sign-in: the session command-service issues for the user's access token (the ID
     * token is already checked: signature, issuer, audience, nonce). The issuer's claims are not read here: the service
     * reads them from the access token, under the names it is configured with, and answers the actor.
     */
    static final class ServiceSession implements OAuth2UserService<OidcUserRequest, OidcUser> {

        private final QualityLedgerClient client;

        ServiceSession(QualityLedgerClient client) {
            this.client = client;
        }

        @Override
        public OidcUser loadUser(OidcUserRequest request) {
            SignedInUser user;
            try {
                user = client.signInWithAccessToken(request.getAccessToken().getTokenValue())
                        .orElseThrow(() -> refused("command-service refused the access token"));
            } catch (ServiceProblem problem) {
                if (problem.status() >= 500) {
                    // The page says the service is unreachable, not the account wrong.
                    throw new InternalAuthenticationServiceException(problem.getMessage(), problem);
                }
                throw refused(problem.getMessage());
            }
            return new OidcSessionUser(user, user.authorities(), request.getIdToken());
        }

        private static OAuth2AuthenticationException refused(String reason) {
            return new OAuth2AuthenticationException(new OAuth2Error("session_refused", reason, null), reason);
        }
    }

    /**
     * The issuer's access and refresh tokens are not kept in the HTTP session: after sign-in only the session token
     * calls the services (the ID token stays in the principal, for signing out at the issuer).
     */
    static final class IssuerTokensNotKept implements OAuth2AuthorizedClientRepository {

        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId, Authentication principal,
                                                                         HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
                                         HttpServletRequest request, HttpServletResponse response) {
            // not kept
        }

        @Override
        public void removeAuthorizedClient(String registrationId, Authentication principal,
                                           HttpServletRequest request, HttpServletResponse response) {
            // nothing kept
        }
    }
}

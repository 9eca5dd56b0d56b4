package vn.qualityledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * OIDC mode over a mocked client and issuer registration: the sign-in page offers the issuer and no password form,
 * the signed-in user is the session command-service answered (not the ID token's claims), sign-out revokes the
 * session's token and goes on to the issuer's end-session endpoint.
 */
@WebMvcTest(properties = {"quality-ledger.security.mode=OIDC", "quality-ledger.security.oidc.issuer-uri=https://issuer.example/realms/so"})
@Import({SecurityConfiguration.class, WebConfiguration.class, Formats.class, ProblemMessages.class, Reads.class})
class OidcSignInTest {

    private static final String ACCESS_TOKEN = "eyJ.access.token";
    /** What command-service answered for the access token: the name differs from the ID token's on purpose. */
    private static final SignedInUser SESSION = new SignedInUser("oanh.tt", "qlt_session", "oanh.tt", "Trần Thị Oanh",
            List.of("ISO_SECRETARY"), "SLDTBXH-HD", "TK-ISO");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    QualityLedgerClient client;

    @MockitoBean
    ClientRegistrationRepository registrations;

    @Test
    void theSignInPageOffersTheIssuerAndNoPasswordForm() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"sign-in-oidc\"")))
                .andExpect(content().string(containsString("href=\"/oauth2/authorization/oidc\"")))
                .andExpect(content().string(containsString("Đăng nhập bằng tài khoản của Sở")))
                .andExpect(content().string(not(containsString("id=\"password\""))));
        mvc.perform(get("/login").param("lang", "en")).andExpect(content().string(containsString("Sign in with your Department account")));
    }

    @Test
    void aRefusedSignInAtTheIssuerIsNotBlamedOnAPassword() throws Exception {
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(containsString("Không đăng nhập được bằng tài khoản của Sở.")))
                .andExpect(content().string(not(containsString("Tên đăng nhập hoặc mật khẩu không đúng"))));
    }

    @Test
    void theSignInStartsAtTheIssuerWithPkce() throws Exception {
        given(registrations.findByRegistrationId(OidcSignIn.REGISTRATION_ID)).willReturn(registration());
        String location = mvc.perform(get("/oauth2/authorization/oidc"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UriComponents authorization = UriComponentsBuilder.fromUri(URI.create(location)).build();
        assertThat(authorization.getPath()).isEqualTo("/realms/so/auth");
        assertThat(authorization.getQueryParams().getFirst("response_type")).isEqualTo("code");
        assertThat(authorization.getQueryParams().getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(authorization.getQueryParams().getFirst("code_challenge")).isNotBlank();
        assertThat(authorization.getQueryParams().getFirst("nonce")).isNotBlank();
    }

    @Test
    void anIssuerThatCannotBeReachedIsSaidSo() throws Exception {
        given(registrations.findByRegistrationId(OidcSignIn.REGISTRATION_ID))
                .willThrow(new IllegalArgumentException("Unable to resolve the Configuration with the provided Issuer"));
        mvc.perform(get("/oauth2/authorization/oidc")).andExpect(redirectedUrl("/login?unavailable"));
    }

    @Test
    void thePasswordFormIsNotAWayIn() throws Exception {
        mvc.perform(post("/login").param("username", "thuky").param("password", "demo").with(csrf()))
                .andExpect(status().isMethodNotAllowed());
        verify(client, never()).signIn(anyString(), anyString());
    }

    @Test
    void theSignedInUserIsTheSessionsActorNotTheIdTokensClaims() throws Exception {
        mvc.perform(get("/login").with(signedInAtTheIssuer()))
                .andExpect(content().string(containsString("Trần Thị Oanh")))
                .andExpect(content().string(containsString("Thư ký ISO")))
                .andExpect(content().string(not(containsString("Tên trong thẻ"))));
    }

    @Test
    void signOutRevokesTheSessionAndEndsTheIssuersSession() throws Exception {
        given(registrations.findByRegistrationId(OidcSignIn.REGISTRATION_ID)).willReturn(registration());
        String location = mvc.perform(post("/logout").with(signedInAtTheIssuer()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        verify(client).signOut(SESSION);
        UriComponents logout = UriComponentsBuilder.fromUri(URI.create(location)).build();
        assertThat(logout.getHost()).isEqualTo("issuer.example");
        assertThat(logout.getPath()).isEqualTo("/realms/so/logout");
        assertThat(logout.getQueryParams().getFirst("id_token_hint")).isEqualTo("id.token.value");
        assertThat(logout.getQueryParams().getFirst("post_logout_redirect_uri")).isEqualTo("http://localhost/login?signedOut");
    }

    @Test
    void signOutWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/logout").with(signedInAtTheIssuer())).andExpect(status().isForbidden());
        verify(client, never()).signOut(SESSION);
    }

    @Test
    void afterTheIssuerTheAccessTokenIsExchangedOnceForASession() {
        given(client.signInWithAccessToken(ACCESS_TOKEN)).willReturn(Optional.of(SESSION));
        OidcUser user = new OidcSignIn.ServiceSession(client).loadUser(request());
        assertThat(user).isInstanceOf(OidcSessionUser.class);
        assertThat(((OidcSessionUser) user).signedIn()).isEqualTo(SESSION);
        assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ISO_SECRETARY");
        assertThat(user.getIdToken().getTokenValue()).isEqualTo("id.token.value");
    }

    @Test
    void anAccessTokenTheServiceRefusesSignsNobodyIn() {
        given(client.signInWithAccessToken(ACCESS_TOKEN)).willReturn(Optional.empty());
        assertThatThrownBy(() -> new OidcSignIn.ServiceSession(client).loadUser(request()))
                .isInstanceOf(OAuth2AuthenticationException.class);
        given(client.signInWithAccessToken(ACCESS_TOKEN)).willThrow(new ServiceProblem(403, "SIGN_IN_WITH_PASSWORD", "no"));
        assertThatThrownBy(() -> new OidcSignIn.ServiceSession(client).loadUser(request()))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }

    @Test
    void anUnreachableServiceIsSaidSo() {
        given(client.signInWithAccessToken(ACCESS_TOKEN)).willThrow(new ServiceProblem(503, "SERVICE_UNAVAILABLE", "refused"));
        assertThatThrownBy(() -> new OidcSignIn.ServiceSession(client).loadUser(request()))
                .isInstanceOf(InternalAuthenticationServiceException.class);
    }

    private static OidcIdToken idToken() {
        return OidcIdToken.withTokenValue("id.token.value").subject("oanh.tt").claim("name", "Tên trong thẻ")
                .issuer("https://issuer.example/realms/so").audience(List.of("quality-ledger-web"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300)).build();
    }

    private static RequestPostProcessor signedInAtTheIssuer() {
        OidcSessionUser user = new OidcSessionUser(SESSION, SESSION.authorities(), idToken());
        return authentication(new OAuth2AuthenticationToken(user, user.getAuthorities(), OidcSignIn.REGISTRATION_ID));
    }

    private static OidcUserRequest request() {
        OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, ACCESS_TOKEN, Instant.now(),
                Instant.now().plusSeconds(300));
        return new OidcUserRequest(registration(), access, idToken());
    }

    private static ClientRegistration registration() {
        return ClientRegistration.withRegistrationId(OidcSignIn.REGISTRATION_ID).clientId("quality-ledger-web")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}").scope("openid", "profile")
                .authorizationUri("https://issuer.example/realms/so/auth").tokenUri("https://issuer.example/realms/so/token")
                .jwkSetUri("https://issuer.example/realms/so/certs").userNameAttributeName("sub")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", "https://issuer.example/realms/so/logout"))
                .build();
    }
}

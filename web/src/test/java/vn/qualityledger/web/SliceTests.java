package vn.qualityledger.web;

import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mockito.ArgumentCaptor;
import org.mockito.invocation.InvocationOnMock;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the {@code @WebMvcTest} slices share over their mocked {@link QualityLedgerClient}: a signed-in demo user of the
 * seed's organisation, the request signed in as them, which read a page asked for, and which command body it sent.
 */
final class SliceTests {

    static final String ORGANISATION = "SLDTBXH-HD";

    private SliceTests() {
    }

    /** A user of the seed's organisation with one role, as {@code POST /api/sessions} answers (token {@code qlt_<username>}). */
    static SignedInUser user(String username, String name, String role, String unit) {
        return new SignedInUser(username, "qlt_" + username, username, name, List.of(role), ORGANISATION, unit);
    }

    /** The request as the signed-in user, with the authorities the web application's sign-in grants. */
    static RequestPostProcessor signedIn(SignedInUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
    }

    /** The URI a mocked {@code client.read(user, uri)} was asked for (its second argument applied to a base URL). */
    static URI readUri(InvocationOnMock invocation) {
        Function<UriBuilder, URI> uri = invocation.getArgument(1);
        return uri.apply(UriComponentsBuilder.fromUriString("http://query"));
    }

    /** As {@link #readUri}, split into path and query parameters. */
    static UriComponents asked(InvocationOnMock invocation) {
        return UriComponentsBuilder.fromUri(readUri(invocation)).build();
    }

    /** The body of the one command the page sent to {@code path} as {@code user}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> sent(QualityLedgerClient client, SignedInUser user, String path) {
        ArgumentCaptor<Object> body = ArgumentCaptor.forClass(Object.class);
        verify(client).command(eq(user), eq(path), body.capture());
        return (Map<String, Object>) body.getValue();
    }
}

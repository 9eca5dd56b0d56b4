package vn.qualityledger.support.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.qualityledger.support.web.ProblemMessages;
import vn.qualityledger.support.web.Problems;

/**
 * Signs in a request that carries one of our API tokens ({@code Authorization: Bearer qlt_…}); any other request
 * passes on untouched (HTTP Basic, or an OIDC JWT). A token that is unknown, revoked or expired is refused with 401.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ApiTokenAuthenticationFilter.class);
    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;

    ApiTokenAuthenticationFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** The API token of the request, or null when it carries none of ours. */
    static String presented(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = header.substring(BEARER.length()).trim();
        return token.startsWith(ApiTokens.PREFIX) ? token : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = presented(request);
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<LedgerUser> user;
        try {
            user = tokens.verify(token);
        } catch (DataAccessException e) {
            LOG.warn("API token not checked: the database did not answer ({})", e.getClass().getSimpleName());
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            Problems.write(response, 503, "SERVICE_UNAVAILABLE", ProblemMessages.text("problem.credentials-unavailable"));
            return;
        }
        if (user.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            Problems.write(response, 401, "INVALID_TOKEN", "The API token is unknown, revoked or expired");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null, user.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}

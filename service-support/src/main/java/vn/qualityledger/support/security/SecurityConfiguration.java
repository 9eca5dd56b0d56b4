package vn.qualityledger.support.security;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import vn.qualityledger.api.common.Actor;

/**
 * Every request is authenticated, by configured users (HTTP Basic, bcrypt once and then the verified-credential cache)
 * or by an OIDC issuer's JWTs, and in both modes by API tokens ({@link ApiTokens}). Health probes and the
 * API description stay open; administration needs ADMIN. What each role may do is decided per command and per read,
 * not here (see the permission matrix in the README).
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        // In OIDC mode (an issuer-uri set) Boot's resource server would add a second any-request chain of its own.
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration"})
@EnableWebSecurity
@EnableConfigurationProperties(LedgerSecurityProperties.class)
public class SecurityConfiguration {

    @Bean
    CurrentActor currentActor(LedgerSecurityProperties properties) {
        return new CurrentActor(properties);
    }

    @Bean
    SecurityFilterChain ledgerSecurity(HttpSecurity http, LedgerSecurityProperties properties, CurrentActor actors, ApiTokens tokens,
                                       ObjectProvider<UserDetailsService> users, PasswordEncoder passwordEncoder) throws Exception {
        boolean basic = properties.getMode() == LedgerSecurityProperties.Mode.BASIC;
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        // The error page only renders the problem of a request already refused or failed.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/api/admin/**", "/actuator/prometheus").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemResponses.unauthenticated(basic))
                        .accessDeniedHandler(ProblemResponses.forbidden()));
        http.addFilterBefore(new ApiTokenAuthenticationFilter(tokens), BasicAuthenticationFilter.class);
        if (basic) {
            http.authenticationManager(new ProviderManager(cachedPasswords(properties, users.getObject(), passwordEncoder)))
                    .httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(ProblemResponses.unauthenticated(true)));
        } else {
            DefaultBearerTokenResolver jwts = new DefaultBearerTokenResolver();
            http.oauth2ResourceServer(server -> server
                    // Our own API tokens are not JWTs: the token filter has handled them.
                    .bearerTokenResolver(request -> ApiTokenAuthenticationFilter.presented(request) != null ? null : jwts.resolve(request))
                    .authenticationEntryPoint(ProblemResponses.unauthenticated(false))
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(token -> {
                        Actor actor = actors.fromJwt(token);
                        return new JwtAuthenticationToken(token,
                                actor.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList(), actor.id());
                    })));
        }
        return http.build();
    }

    @Bean
    ApiTokens apiTokens(ObjectProvider<JdbcTemplate> jdbc) {
        return new ApiTokens(jdbc::getObject, Clock.systemUTC());
    }

    /** bcrypt once per user and password, then the verified-credential cache (the only provider of HTTP Basic). */
    private static CachedPasswordAuthentication cachedPasswords(LedgerSecurityProperties properties, UserDetailsService users,
                                                                PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(passwordEncoder);
        return new CachedPasswordAuthentication(bcrypt, properties::user, properties.getCredentialCacheTtl(), 10_000);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @ConditionalOnProperty(name = "quality-ledger.security.mode", havingValue = "BASIC", matchIfMissing = true)
    UserDetailsService configuredUsers(LedgerSecurityProperties properties) {
        // A new LedgerUser per sign-in: Spring erases the credentials of the principal it authenticated.
        return username -> properties.user(username).map(LedgerUser::of).orElseThrow(() -> new UsernameNotFoundException(username));
    }
}

package vn.qualityledger.support.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * What every request meets before the application: the {@link RequestGuard}, problems for the container's own error
 * reports, and for its error page. Both services get it by depending on service-support.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class HttpEdgeConfiguration {

    /** Ahead of Spring Security's filter chain, so that an oversized or malformed request costs no password hash. */
    @Bean
    FilterRegistrationBean<RequestGuard> requestGuard(@Value("${quality-ledger.http.max-body-size:1MB}") DataSize maxBodySize,
                                                      @Value("${quality-ledger.http.max-multipart-size:${quality-ledger.http.max-body-size:1MB}}") DataSize maxMultipartSize) {
        FilterRegistrationBean<RequestGuard> registration = new FilterRegistrationBean<>(
                new RequestGuard(maxBodySize.toBytes(), maxMultipartSize.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Tomcat's host adds this valve instead of its HTML error report when it starts. */
    @Bean
    TomcatContextCustomizer problemErrorReports() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        };
    }

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }
}

package vn.qualityledger.support.input;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request text outside the body in the form the body's text is kept ({@link RequestText#normalised}): path variables
 * composed to NFC ({@link NormalisedPathVariables}). Query parameters are normalised earlier, by the request guard, so
 * that whatever reads them reads them normalised.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RequestTextConfiguration {

    @Bean
    WebMvcConfigurer normalisedPathVariables() {
        NormalisedPathVariables interceptor = new NormalisedPathVariables();
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor);
            }
        };
    }
}

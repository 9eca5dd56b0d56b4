package vn.qualityledger.query.document;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(LetterheadProperties.class)
class DocumentConfiguration {
}

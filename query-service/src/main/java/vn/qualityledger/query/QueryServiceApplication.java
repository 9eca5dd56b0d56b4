package vn.qualityledger.query;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Projects the objective events into read models and serves dashboards and the work board from them. */
@SpringBootApplication
public class QueryServiceApplication {

    /** Dates a user types or sees are local to the agency (Asia/Ho_Chi_Minh); "today" is today there. */
    public static final ZoneId AGENCY_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    public static void main(String[] args) {
        application().run(args);
    }

    /** Its own config name, so that both services can share one JVM in the end-to-end test without clashing. */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(QueryServiceApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", "query-service"));
        return application;
    }

    @Bean
    Clock clock() {
        return Clock.system(AGENCY_ZONE);
    }
}

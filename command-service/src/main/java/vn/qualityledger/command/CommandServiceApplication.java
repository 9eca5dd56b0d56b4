package vn.qualityledger.command;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Takes commands about quality objectives and appends the events they produce to the event store. */
@SpringBootApplication
public class CommandServiceApplication {

    /** Dates a user types or sees are local to the agency (Asia/Ho_Chi_Minh); instants are stored in UTC. */
    public static final ZoneId AGENCY_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    public static void main(String[] args) {
        application().run(args);
    }

    /** Its own config name, so that both services can share one JVM in the end-to-end test without clashing. */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(CommandServiceApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", "command-service"));
        return application;
    }

    @Bean
    Clock clock() {
        return Clock.system(AGENCY_ZONE);
    }
}

package vn.qualityledger.web;

import java.time.ZoneId;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The web application of Quality Ledger: server-rendered pages in Vietnamese (English switchable) for the people who
 * work with the quality system. It holds no rule and no figure of its own: every page is read from query-service and
 * every sign-in goes through command-service, over their public HTTP APIs, as the signed-in user.
 */
@SpringBootApplication
public class WebApplication {

    /** The agency's time zone: today's date and every date shown. */
    public static final ZoneId AGENCY_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    public static void main(String[] args) {
        SpringApplication.run(WebApplication.class, args);
    }
}

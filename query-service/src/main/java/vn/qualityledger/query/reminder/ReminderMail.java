package vn.qualityledger.query.reminder;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the reminders' e-mails through Spring's {@link JavaMailSender} ({@code spring.mail.*}). Without an SMTP host
 * ({@code MAIL_HOST} blank) e-mail is off: reminders are recorded for the application only.
 */
@Component
class ReminderMail {

    private final JavaMailSender sender;
    private final String from;

    ReminderMail(ObjectProvider<JavaMailSender> sender, @Value("${spring.mail.host:}") String host, ReminderProperties properties) {
        // Spring Boot builds a sender for any spring.mail.host, a blank one included: blank means off here.
        this.sender = host == null || host.isBlank() ? null : sender.getIfAvailable();
        this.from = properties.from();
    }

    boolean enabled() {
        return sender != null;
    }

    /** Sends one plain-text UTF-8 message; a failure is an exception with the SMTP server's reason. */
    void send(List<String> to, String subject, String body, Instant sentAt) {
        if (sender == null) {
            throw new IllegalStateException("no SMTP server is configured (MAIL_HOST)");
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to.toArray(String[]::new));
            helper.setSubject(subject);
            helper.setText(body, false);
            helper.setSentDate(Date.from(sentAt));
            sender.send(message);
        } catch (MessagingException malformed) {
            throw new IllegalArgumentException("the message could not be built: " + malformed.getMessage(), malformed);
        }
    }

    /** The reason of a failed send, short enough to store: the deepest cause says most (connection refused, 550 …). */
    static String reason(RuntimeException failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String text = failure instanceof MailException || deepest != failure
                ? failure.getClass().getSimpleName() + ": " + failure.getMessage() + (deepest != failure ? " (" + deepest + ")" : "")
                : String.valueOf(failure.getMessage());
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}

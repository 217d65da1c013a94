package dev.qide.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail on 127.0.0.1, a free port) for tests that check the mail the application sends: the
 * mailer is switched from its log-only mock to SMTP for the Quarkus boot that uses this resource. Use it with
 * {@code @WithTestResource}, never {@code @QuarkusTestResource}: that one applies to every test class, and tests
 * that read the mock mailbox would find it empty. Tests (also browser
 * tests) read what arrived through the static methods.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    /** A received mail, decoded. */
    public record ReceivedMail(String to, String subject, String text) {

        /** The path of the first link to this server's {@code prefix} (e.g. "/invites/") in the text. */
        public String linkPath(String prefix) {
            Matcher matcher = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(prefix) + "[A-Za-z0-9_%-]+)")
                    .matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("No link to " + prefix + " in the mail to " + to + ":\n" + text);
            }
            return matcher.group(1);
        }
    }

    private static volatile GreenMail server;

    @Override
    public Map<String, String> start() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        server = mail;
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(mail.getSmtp().getPort()),
                "quarkus.mailer.tls", "false",
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.login", "DISABLED");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Every mail received so far to {@code address}, oldest first. */
    public static List<ReceivedMail> mailsTo(String address) {
        return Arrays.stream(running().getReceivedMessages())
                .map(GreenMailResource::decode)
                .filter(mail -> mail.to().equalsIgnoreCase(address))
                .toList();
    }

    /** The newest mail to {@code address} whose subject contains {@code subjectPart}, waiting up to 5 seconds. */
    public static ReceivedMail awaitMail(String address, String subjectPart) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (true) {
            List<ReceivedMail> mails = mailsTo(address).stream()
                    .filter(mail -> mail.subject().contains(subjectPart))
                    .toList();
            if (!mails.isEmpty()) {
                return mails.get(mails.size() - 1);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No mail to " + address + " with '" + subjectPart + "' in its subject");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Whether this test's Quarkus boot sends its mail to GreenMail (else to the mock mailbox). */
    public static boolean isRunning() {
        return server != null;
    }

    private static GreenMail running() {
        GreenMail mail = server;
        if (mail == null) {
            throw new IllegalStateException(
                    "GreenMail is not running: annotate the test with" + " @WithTestResource(GreenMailResource.class)");
        }
        return mail;
    }

    /** The plain text of a body: itself, or the first text part of a multipart one. */
    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                String text = text(parts.getBodyPart(i).getContent());
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    private static ReceivedMail decode(MimeMessage message) {
        try {
            String to = Optional.ofNullable(message.getRecipients(Message.RecipientType.TO))
                    .filter(recipients -> recipients.length > 0)
                    .map(recipients -> ((InternetAddress) recipients[0]).getAddress())
                    .orElse("");
            return new ReceivedMail(to, message.getSubject(), text(message.getContent()));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable mail", e);
        }
    }
}

package dev.qide.support;

import dev.qide.account.user.EmailAddress;
import io.quarkus.arc.Arc;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sign-up mails an address received, wherever this test's mail goes (the mock mailbox, or GreenMail): the links
 * that finish a sign-up, and the notes telling an account's owner that someone tried.
 */
public final class SignUpMail {

    public static final String FINISH_SUBJECT = "Finish creating your Q-IDE account";
    public static final String ATTEMPT_SUBJECT = "Someone tried to sign up to Q-IDE with your address";

    private static final Pattern FINISH_LINK =
            Pattern.compile("https?://[^/\\s]+(/signup/confirm\\?token=[A-Za-z0-9_%-]+)");

    private SignUpMail() {}

    /** The paths of the finish links sent to {@code address} so far, oldest first. */
    public static List<String> finishLinks(String address) {
        return texts(address, FINISH_SUBJECT)
                .map(text -> {
                    Matcher matcher = FINISH_LINK.matcher(text);
                    if (!matcher.find()) {
                        throw new AssertionError("No sign-up link in:\n" + text);
                    }
                    return matcher.group(1);
                })
                .toList();
    }

    /** The texts of the notes sent to an account's owner about sign-ups with their address, oldest first. */
    public static List<String> attempts(String address) {
        return texts(address, ATTEMPT_SUBJECT).toList();
    }

    /**
     * The finish link sent to {@code address} after {@code earlier} others, waiting a little for GreenMail; null when
     * none came (the address has an account: its owner was told instead).
     */
    public static String newFinishLink(String address, int earlier) {
        Instant deadline = Instant.now().plus(GreenMailResource.isRunning() ? Duration.ofSeconds(3) : Duration.ZERO);
        while (true) {
            List<String> links = finishLinks(address);
            if (links.size() > earlier) {
                return links.getLast();
            }
            if (!Instant.now().isBefore(deadline)) {
                return null;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The token in a finish link's path. */
    public static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    private static Stream<String> texts(String address, String subject) {
        String to = EmailAddress.normalize(address);
        if (GreenMailResource.isRunning()) {
            return GreenMailResource.mailsTo(to).stream()
                    .filter(mail -> mail.subject().equals(subject))
                    .map(GreenMailResource.ReceivedMail::text);
        }
        List<Mail> mails = Arc.container().instance(MockMailbox.class).get().getMailsSentTo(to);
        return mails == null
                ? Stream.empty()
                : mails.stream()
                        .filter(mail -> subject.equals(mail.getSubject()))
                        .map(Mail::getText);
    }
}

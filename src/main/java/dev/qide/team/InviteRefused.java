package dev.qide.team;

import dev.qide.web.HttpProblem;
import java.util.UUID;

/**
 * Why an invitation link cannot be used (or answered) by this person now. It carries what the page needs to say so
 * and to offer the way out; as an {@link HttpProblem} the JSON API answers it as a problem with the same detail.
 */
public class InviteRefused extends HttpProblem {

    /** The distinct reasons, each with its status and the page's heading. */
    public enum Reason {
        UNKNOWN(404, "Invitation not found"),
        REVOKED(410, "Invitation withdrawn"),
        EXPIRED(410, "Invitation expired"),
        USED(409, "Invitation already answered"),
        WRONG_RECIPIENT(403, "This invitation is for someone else"),
        ALREADY_MEMBER(409, "You are already a member"),
        NO_TEAM_FEATURES(409, "The team cannot take new members");

        private final int status;
        private final String title;

        Reason(int status, String title) {
            this.status = status;
            this.title = title;
        }

        public int status() {
            return status;
        }

        public String title() {
            return title;
        }
    }

    private final Reason reason;
    private final String invitedEmail;
    private final UUID teamId;

    InviteRefused(Reason reason, String detail, String invitedEmail, UUID teamId) {
        super(reason.status(), detail);
        this.reason = reason;
        this.invitedEmail = invitedEmail;
        this.teamId = teamId;
    }

    static InviteRefused unknown() {
        return new InviteRefused(
                Reason.UNKNOWN,
                "This invitation link is not valid. Check that you opened the whole link from the email, or ask the"
                        + " team for a new invitation.",
                null,
                null);
    }

    public Reason reason() {
        return reason;
    }

    /** The address the invitation was sent to; null when the invitation is unknown. */
    public String invitedEmail() {
        return invitedEmail;
    }

    /** The team the invitation is for; null when the invitation is unknown. */
    public UUID teamId() {
        return teamId;
    }
}

package dev.qide.team;

import dev.qide.identity.WorkspaceRole;
import java.time.Instant;
import java.util.UUID;

/** An invitation in the JSON API ({@code invited_by} is the inviter's email); never its token. */
public record InviteJson(
        UUID id, String email, WorkspaceRole role, InviteStatus status, Instant expiresAt, String invitedBy) {

    static InviteJson of(TeamInvite invite, String invitedByEmail) {
        return new InviteJson(invite.id, invite.email, invite.role, invite.status, invite.expiresAt, invitedByEmail);
    }
}

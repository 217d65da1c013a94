package dev.qide.team;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of team invitations. */
@ConfigMapping(prefix = "qide.teams")
public interface InviteConfig {

    /** How long an invitation link works after it was (last) sent (QIDE_TEAMS_INVITE_TTL). */
    @WithDefault("P7D")
    Duration inviteTtl();
}

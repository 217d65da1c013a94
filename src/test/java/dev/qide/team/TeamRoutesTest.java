package dev.qide.team;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.apikey.ApiKeyRoutes;
import dev.qide.byok.ProviderKeyRoutes;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The paths the team, API keys and AI providers pages post to, built from the templates their resources answer. */
class TeamRoutesTest {

    private static final UUID TEAM = UUID.fromString("11111111-1111-1111-1111-111111111111");
    private static final UUID OTHER = UUID.fromString("22222222-2222-2222-2222-222222222222");

    @Test
    void aTeamsPathsFillInTheTeamAndThenTheMemberOrInvitation() {
        TeamRoutes.Paths paths = TeamRoutes.of(TEAM);
        String team = "/teams/" + TEAM;
        assertThat(paths.page()).isEqualTo(team);
        assertThat(paths.members()).isEqualTo(team + "/members");
        assertThat(paths.role(OTHER)).isEqualTo(team + "/members/" + OTHER + "/role");
        assertThat(paths.cap(OTHER)).isEqualTo(team + "/members/" + OTHER + "/cap");
        assertThat(paths.remove(OTHER)).isEqualTo(team + "/members/" + OTHER + "/remove");
        assertThat(paths.transfer()).isEqualTo(team + "/transfer");
        assertThat(paths.settings()).isEqualTo(team + "/settings");
        assertThat(paths.leave()).isEqualTo(team + "/leave");
        assertThat(paths.delete()).isEqualTo(team + "/delete");
        assertThat(paths.invites()).isEqualTo(team + "/invites");
        assertThat(paths.resendInvite(OTHER)).isEqualTo(team + "/invites/" + OTHER + "/resend");
        assertThat(paths.revokeInvite(OTHER)).isEqualTo(team + "/invites/" + OTHER + "/revoke");
    }

    @Test
    void keyPagesBuildTheirPathsTheSameWay() {
        assertThat(ApiKeyRoutes.revoke(OTHER)).isEqualTo("/settings/api-keys/" + OTHER + "/revoke");
        assertThat(ProviderKeyRoutes.test(OTHER)).isEqualTo("/settings/ai-providers/" + OTHER + "/test");
        assertThat(ProviderKeyRoutes.delete(OTHER)).isEqualTo("/settings/ai-providers/" + OTHER + "/delete");
        assertThat(ProviderKeyRoutes.fallback()).isEqualTo("/settings/ai-providers/fallback");
        assertThat(ProviderKeyRoutes.modelField()).isEqualTo("/settings/ai-providers/model-field");
    }
}

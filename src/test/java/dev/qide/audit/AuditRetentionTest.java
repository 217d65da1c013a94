package dev.qide.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.identity.WorkspaceAction;
import dev.qide.plan.PlanId;
import dev.qide.support.AuditTrail;
import dev.qide.support.Browser;
import dev.qide.support.TeamActions;
import dev.qide.team.TeamAccess;
import dev.qide.team.TeamService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Audit records outlive what they describe: a changed entity does not rewrite them, a deleted team keeps them. */
@QuarkusTest
class AuditRetentionTest {

    @Inject
    TeamActions teams;

    @Inject
    TeamAccess access;

    @Inject
    TeamService teamService;

    @Test
    void aRecordChangedInMemoryIsNotWrittenBack() {
        Browser owner = Browser.signedUp("Tamperer");
        UUID team = teams.create(owner, "Tamper Team", PlanId.TEAMS);
        UUID id = AuditTrail.of(team).getFirst().id;

        QuarkusTransaction.requiringNew().run(() -> {
            AuditEvent event = AuditEvent.findById(id);
            event.action = "nothing.happened";
            event.detail = "rewritten";
            event.actorEmail = "someone@else.test";
        });

        AuditEvent stored = AuditTrail.of(team).getFirst();
        assertThat(stored.action).isEqualTo("team.created");
        assertThat(stored.detail).isNull();
        assertThat(stored.actorEmail).isEqualTo(owner.email());
    }

    @Test
    void aDeletedTeamKeepsItsAuditRecords() {
        Browser owner = Browser.signedUp("Closer");
        UUID team = teams.create(owner, "Closing Team", PlanId.FREE);

        QuarkusTransaction.requiringNew().run(() -> {
            TeamAccess.Team opened = access.require(TeamActions.signedIn(owner), team, WorkspaceAction.DELETE_TEAM);
            teamService.delete(opened, "Closing Team", "127.0.0.1");
        });

        assertThat(AuditTrail.actionsOf(team)).contains("team.created", "team.deleted");
        owner.request().get("/teams/" + team + "/audit").then().statusCode(404);
    }
}

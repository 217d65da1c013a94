package dev.qide.billing;

import static dev.qide.billing.StripeProfile.stripe;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qide.audit.AuditEvent;
import dev.qide.billing.FakeStripe.Call;
import dev.qide.identity.WorkspaceRole;
import dev.qide.plan.PlanId;
import dev.qide.support.AuditTrail;
import dev.qide.support.Browser;
import dev.qide.support.ClockSensitive;
import dev.qide.support.TeamActions;
import dev.qide.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Teams subscription is sold per seat: its quantity in Stripe follows the team's member count (never below the
 * plan's minimum of 5), a failed call to Stripe keeps the member and is caught up by the reconcile job, and webhooks
 * store the quantity Stripe holds.
 */
@QuarkusTest
@TestProfile(StripeProfile.class)
@ClockSensitive
class SeatSyncTest {

    @Inject
    SeatSync seatSync;

    @Inject
    TestClock clock;

    @Inject
    TeamActions teams;

    @AfterEach
    void stripeWorksAgain() {
        stripe.failSubscriptionUpdates(false);
    }

    /** A Teams team that bought 5 seats: its owner, and the id of its subscription in Stripe. */
    record SeatTeam(UUID id, Browser owner, String subscription, String customer) {}

    @Test
    void seatsFollowTheMemberCountButNeverGoBelowThePlansMinimum() {
        SeatTeam team = teamWithFiveSeats("Seat Counters");
        List<UUID> members = new ArrayList<>();
        for (int n = 2; n <= 5; n++) {
            members.add(teams.add(team.id(), Browser.signedUp("Member " + n), WorkspaceRole.EDITOR));
        }
        assertThat(TeamActions.memberCount(team.id())).isEqualTo(5);
        assertThat(updates(team)).as("five members fit the five seats bought").isEmpty();

        teams.add(team.id(), Browser.signedUp("Sixth"), WorkspaceRole.VIEWER);

        assertThat(updates(team)).hasSize(1);
        Call sixth = updates(team).getLast();
        assertThat(sixth.params())
                .containsEntry("items[0][id]", "si_QXhVnC2h0Jczwc")
                .containsEntry("items[0][quantity]", "6")
                .containsEntry("proration_behavior", "create_prorations");
        assertThat(stripe.quantityOf(team.subscription())).isEqualTo(6);
        assertThat(Billing.account(team.id()).seats).isEqualTo(6);
        List<AuditEvent> changes = seatChanges(team.id());
        assertThat(changes).hasSize(1);
        assertThat(changes.getFirst().actorEmail).isEqualTo("Stripe billing");
        assertThat(changes.getFirst().detail).isEqualTo("5 -> 6");
        assertThat(changes.getFirst().target).isEqualTo("subscription " + team.subscription());

        teams.remove(team.id(), team.owner(), members.getFirst());

        assertThat(updates(team)).hasSize(2);
        assertThat(updates(team).getLast().params()).containsEntry("items[0][quantity]", "5");
        assertThat(Billing.account(team.id()).seats).isEqualTo(5);
        assertThat(seatChanges(team.id()).getFirst().detail).isEqualTo("6 -> 5");

        teams.remove(team.id(), team.owner(), members.get(1));

        assertThat(TeamActions.memberCount(team.id())).isEqualTo(4);
        assertThat(updates(team)).as("never below the plan's minimum of 5").hasSize(2);
        assertThat(Billing.account(team.id()).seats).isEqualTo(5);
        assertThat(seatSync.sync(team.id())).isFalse();
    }

    @Test
    void aStripeFailureKeepsTheMemberAndTheReconcileJobBringsTheSeatsInStepLater() {
        SeatTeam team = teamWithFiveSeats("Outage Team");
        for (int n = 2; n <= 5; n++) {
            teams.add(team.id(), Browser.signedUp("Steady " + n), WorkspaceRole.EDITOR);
        }
        stripe.failSubscriptionUpdates(true);

        UUID sixth = teams.add(team.id(), Browser.signedUp("During Outage"), WorkspaceRole.EDITOR);

        assertThat(TeamActions.memberCount(team.id())).as("the member stays").isEqualTo(6);
        assertThat(AuditTrail.of(team.id())).noneMatch(event -> event.action.equals("billing.seats_changed"));
        assertThat(updates(team)).as("tried, with the SDK's retries").isNotEmpty();
        assertThat(stripe.quantityOf(team.subscription())).isEqualTo(5);
        assertThat(Billing.account(team.id()).seats).isEqualTo(5);
        assertThat(sixth).isNotNull();

        seatSync.reconcile();
        assertThat(Billing.account(team.id()).seats).as("Stripe still fails").isEqualTo(5);

        stripe.failSubscriptionUpdates(false);
        int changed = seatSync.reconcile();

        assertThat(changed).isGreaterThanOrEqualTo(1);
        assertThat(stripe.quantityOf(team.subscription())).isEqualTo(6);
        assertThat(Billing.account(team.id()).seats).isEqualTo(6);
        assertThat(seatChanges(team.id())).extracting(event -> event.detail).containsExactly("5 -> 6");
        int calls = updates(team).size();
        seatSync.reconcile();
        assertThat(updates(team)).as("in step: nothing more to send").hasSize(calls);
    }

    @Test
    void webhooksStoreTheQuantityStripeHoldsAndTheReconcileJobPutsItBackToTheMemberCount() {
        SeatTeam team = teamWithFiveSeats("Portal Fiddlers");
        for (int n = 2; n <= 6; n++) {
            teams.add(team.id(), Browser.signedUp("Fiddler " + n), WorkspaceRole.EDITOR);
        }
        assertThat(stripe.quantityOf(team.subscription())).isEqualTo(6);

        deliverUpdated(team);
        assertThat(Billing.account(team.id()).seats)
                .as("the webhook agrees with the sync")
                .isEqualTo(6);

        // Someone changed the quantity in Stripe itself; the webhook stores what Stripe holds.
        stripe.putSubscription(
                team.subscription(),
                team.customer(),
                "active",
                StripeProfile.TEAMS_PRICE,
                clock.instant().plus(Duration.ofDays(20)),
                team.id().toString(),
                9);
        deliverUpdated(team);
        assertThat(Billing.account(team.id()).seats).isEqualTo(9);
        assertThat(Billing.planOf(team.id())).isEqualTo(PlanId.TEAMS);

        seatSync.reconcile();

        assertThat(stripe.quantityOf(team.subscription())).isEqualTo(6);
        assertThat(Billing.account(team.id()).seats).isEqualTo(6);
        assertThat(seatChanges(team.id()).getFirst().detail).isEqualTo("9 -> 6");
    }

    @Test
    void subscriptionsThatAreNotPerSeatOrNotLiveAreLeftAlone() {
        SeatTeam team = teamWithFiveSeats("Cancelled Team");
        QuarkusTransaction.requiringNew()
                .run(() -> BillingAccount.update("subscriptionStatus = 'canceled' where workspaceId = ?1", team.id()));
        for (int n = 2; n <= 6; n++) {
            teams.add(team.id(), Browser.signedUp("Late " + n), WorkspaceRole.EDITOR);
        }
        assertThat(updates(team)).isEmpty();

        Browser solo = Browser.signedUp("Pro Owner");
        UUID pro = teams.create(solo, "Pro Team", PlanId.PRO);
        account(pro, "sub_fakepro" + suffix(), "cus_fakepro" + suffix(), PlanId.PRO, 1);
        teams.add(pro, Browser.signedUp("Pro Friend"), WorkspaceRole.EDITOR);
        assertThat(seatSync.sync(pro)).isFalse();
        assertThat(Billing.account(pro).seats).isEqualTo(1);
    }

    private SeatTeam teamWithFiveSeats(String name) {
        Browser owner = Browser.signedUp(name + " Owner");
        UUID teamId = teams.create(owner, name, PlanId.TEAMS);
        String subscription = "sub_fakeseats" + suffix();
        String customer = "cus_fakeseats" + suffix();
        stripe.putSubscription(
                subscription,
                customer,
                "active",
                StripeProfile.TEAMS_PRICE,
                clock.instant().plus(Duration.ofDays(20)),
                teamId.toString(),
                5);
        account(teamId, subscription, customer, PlanId.TEAMS, 5);
        return new SeatTeam(teamId, owner, subscription, customer);
    }

    /** The billing account Checkout and the subscription webhook would have left: live, on {@code plan}. */
    private void account(UUID workspaceId, String subscription, String customer, PlanId plan, long seats) {
        QuarkusTransaction.requiringNew().run(() -> {
            BillingAccount account = new BillingAccount();
            account.workspaceId = workspaceId;
            account.stripeCustomerId = customer;
            account.subscriptionId = subscription;
            account.subscriptionStatus = "active";
            account.subscribedPlan = plan;
            account.seats = seats;
            account.currentPeriodEnd = clock.instant().plus(Duration.ofDays(20));
            account.updatedAt = clock.instant();
            account.persist();
        });
    }

    private void deliverUpdated(SeatTeam team) {
        ObjectNode event = StripeWebhooks.event("event.customer.subscription.updated.json", clock.instant());
        ObjectNode subscription = StripeWebhooks.object(event);
        subscription.put("id", team.subscription());
        subscription.put("customer", team.customer());
        StripeWebhooks.deliver(StripeWebhooks.bytes(event), clock.instant())
                .then()
                .statusCode(200);
    }

    private static List<Call> updates(SeatTeam team) {
        return stripe.calls("POST", "/v1/subscriptions/" + team.subscription());
    }

    /** Newest first. */
    private static List<AuditEvent> seatChanges(UUID workspaceId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.forWorkspace(workspaceId).stream()
                .filter(event -> event.action.equals("billing.seats_changed"))
                .toList());
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}

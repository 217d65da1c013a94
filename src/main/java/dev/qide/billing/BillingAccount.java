package dev.qide.billing;

import dev.qide.plan.PlanId;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A workspace's Stripe customer and its subscription as Stripe last reported it. */
@Entity
@Table(name = "billing_account")
public class BillingAccount extends PanacheEntityBase {

    /** Subscription statuses that keep the plan (past due only for the grace period). */
    static final Set<String> LIVE_STATUSES = Set.of("active", "trialing", "past_due");

    @Id
    @Column(name = "workspace_id")
    public UUID workspaceId;

    @Column(name = "stripe_customer_id", nullable = false)
    public String stripeCustomerId;

    @Column(name = "subscription_id")
    public String subscriptionId;

    /** Stripe's word for it: trialing, active, past_due, canceled, unpaid, incomplete... */
    @Column(name = "subscription_status", length = 32)
    public String subscriptionStatus;

    /** The plan the subscription sells (what the workspace returns to if it paid). */
    @Enumerated(EnumType.STRING)
    @Column(name = "subscribed_plan", length = 16)
    public PlanId subscribedPlan;

    public Long seats;

    @Column(name = "current_period_end")
    public Instant currentPeriodEnd;

    @Column(name = "cancel_at_period_end", nullable = false)
    public boolean cancelAtPeriodEnd;

    /** A trial was given once; Checkout never offers another. */
    @Column(name = "trial_used", nullable = false)
    public boolean trialUsed;

    @Column(name = "trial_ends_at")
    public Instant trialEndsAt;

    /** When a past-due workspace falls back to Free, unless Stripe reports it paid first. */
    @Column(name = "grace_ends_at")
    public Instant graceEndsAt;

    /** The plan holds until then and no longer (grace end, or the period end of an unpaid subscription). */
    @Column(name = "access_until")
    public Instant accessUntil;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<BillingAccount> forWorkspace(UUID workspaceId) {
        return findByIdOptional(workspaceId);
    }

    public static Optional<BillingAccount> forCustomer(String customerId) {
        return find("stripeCustomerId", customerId).firstResultOptional();
    }

    /**
     * The workspace's account, its row locked until the transaction ends: Stripe events of one account are applied one
     * at a time, each reading Stripe after the one before it committed.
     */
    static Optional<BillingAccount> lockForWorkspace(UUID workspaceId) {
        return findByIdOptional(workspaceId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** As {@link #lockForWorkspace(UUID)}, by Stripe customer. */
    static Optional<BillingAccount> lockForCustomer(String customerId) {
        return find("stripeCustomerId", customerId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** Accounts whose paid time ended by {@code now} and whose workspace is not on Free yet. */
    static List<BillingAccount> accessEndedBy(Instant now) {
        return find(
                        "select a from BillingAccount a, Workspace w where w.id = a.workspaceId"
                                + " and a.accessUntil <= ?1 and w.plan <> ?2",
                        now,
                        PlanId.FREE)
                .list();
    }

    /** Accounts with a subscription that may run up overage. */
    static List<BillingAccount> liveSubscriptions() {
        return list("subscriptionId is not null and subscriptionStatus in ?1", LIVE_STATUSES);
    }

    /** Whether the subscription still grants its plan (possibly within a grace period). */
    public boolean live() {
        return subscriptionStatus != null && LIVE_STATUSES.contains(subscriptionStatus);
    }

    public boolean pastDue() {
        return "past_due".equals(subscriptionStatus);
    }
}

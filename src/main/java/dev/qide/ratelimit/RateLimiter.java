package dev.qide.ratelimit;

import io.agroal.api.AgroalDataSource;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-minute rate limits as token buckets (Bucket4j). Why Bucket4j: it is the maintained token-bucket library of
 * the JVM, exact under concurrency, and it keeps buckets in a store several replicas share. On PostgreSQL (every
 * deployment with more than one replica) the buckets live in the {@code rate_limit_bucket} table, updated under
 * {@code SELECT ... FOR UPDATE}, so all replicas count together; on the embedded H2 database, which only ever has
 * one process, they live in this process. Buckets refill smoothly: a limit of 5 a minute gives back one try every
 * 12 seconds, so nobody is locked out for longer than the minute.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    /** Longest "who" kept as it is: with the limit's name and size the key stays well inside its 255 characters. */
    static final int MAX_WHO = 160;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> shared;
    private final Map<String, Bucket> local = new ConcurrentHashMap<>();
    private final Map<Long, BucketConfiguration> configurations = new ConcurrentHashMap<>();

    private final TimeMeter time;
    private final RateLimitConfig config;

    RateLimiter(
            AgroalDataSource dataSource,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
            Clock clock,
            RateLimitConfig config) {
        this.config = config;
        // Buckets tell time by the application's clock, so tests can let a minute pass.
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.shared = dbKind.startsWith("postgres")
                ? Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                        .primaryKeyMapper(PrimaryKeyMapper.STRING)
                        .table("rate_limit_bucket")
                        .idColumn("id")
                        .stateColumn("state")
                        .expiresAtColumn("expires_at")
                        .clientClock(time)
                        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(MINUTE))
                        .build()
                : null;
    }

    /** Takes one try from {@code limit}'s bucket for {@code who}, or throws {@link RateLimitedException}. */
    public void check(RateLimit limit, String who) {
        long perMinute =
                switch (limit) {
                    case SIGN_IN_PER_ADDRESS -> config.signInPerAddress();
                    case SIGN_IN_PER_ACCOUNT -> config.signInPerAccount();
                    case SIGN_UP_EMAILS -> config.signUpEmails();
                    case CODE_RUNS -> config.codeRuns();
                    case CHAT_MESSAGES -> config.chatMessages();
                    case PLAN_API -> throw new IllegalArgumentException("The plan's API limit is sized by the plan");
                };
        check(limit, who, perMinute);
    }

    /** Like {@link #check(RateLimit, String)}, for a limit sized by the caller (the plan's API limit). */
    public void check(RateLimit limit, String who, long perMinute) {
        String key = limit.name() + ":" + bounded(who);
        BucketConfiguration configuration = configurations.computeIfAbsent(perMinute, RateLimiter::perMinute);
        ConsumptionProbe probe = shared != null
                // Bucket4j commits on its own connection: outside the caller's transaction, if there is one.
                ? QuarkusTransaction.suspendingExisting()
                        .call(() -> shared.getProxy(key + ":" + perMinute, () -> configuration)
                                .tryConsumeAndReturnRemaining(1))
                : local.computeIfAbsent(key + ":" + perMinute, ignored -> Bucket.builder()
                                .addLimit(configuration.getBandwidths()[0])
                                .withCustomTimePrecision(time)
                                .build())
                        .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new RateLimitedException(limit, perMinute, seconds);
        }
    }

    /**
     * {@code who} as a bucket's key holds it: as it is when short, else its SHA-256. "Who" is often what someone typed
     * (the email of a sign-in), and the shared table's key has room for 255 characters.
     */
    static String bounded(String who) {
        if (who == null || who.length() <= MAX_WHO) {
            return who;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(who.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Forgets this process's buckets that are full again (nobody used them for a while). */
    @Scheduled(every = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetIdleBuckets() {
        local.entrySet().removeIf(entry -> {
            long capacity = entry.getValue().getAvailableTokens();
            String key = entry.getKey();
            return capacity >= Long.parseLong(key.substring(key.lastIndexOf(':') + 1));
        });
    }

    /** Removes expired shared buckets from the table, a batch at a time. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeExpiredSharedBuckets() {
        if (shared != null) {
            shared.removeExpired(1000);
        }
    }

    private static BucketConfiguration perMinute(long perMinute) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perMinute)
                        .refillGreedy(perMinute, MINUTE)
                        .build())
                .build();
    }
}

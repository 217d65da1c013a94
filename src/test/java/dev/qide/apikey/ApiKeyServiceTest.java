package dev.qide.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qide.apikey.ApiKeyService.NewKey;
import dev.qide.identity.SignedInUser;
import dev.qide.identity.Theme;
import dev.qide.identity.WorkspaceRole;
import dev.qide.plan.PlanId;
import dev.qide.support.Browser;
import dev.qide.support.Workspaces;
import dev.qide.web.HttpProblem;
import dev.qide.web.InvalidInputException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The key limit holds when many requests make keys at the same moment; who may revoke a key. */
@QuarkusTest
class ApiKeyServiceTest {

    @Inject
    ApiKeyService keys;

    @Test
    void parallelCreatesNeverPassThePlansLimit() throws Exception {
        Browser browser = Browser.signedUp("Racer");
        Workspaces.setPlan(browser.workspaceId(), PlanId.PRO);
        SignedInUser user = member(browser, userIdOf(browser), WorkspaceRole.OWNER);

        int attempts = 8;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            String name = "Racer " + i;
            results.add(pool.submit(() -> {
                start.await();
                try {
                    keys.create(user, new NewKey(name, List.of("runs"), "never", ""));
                    return true;
                } catch (InvalidInputException refused) {
                    return false;
                }
            }));
        }
        start.countDown();
        int made = 0;
        for (Future<Boolean> result : results) {
            made += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(made).isEqualTo(5);
        assertThat(ApiKeyAuthenticationTest.keyCount(browser.workspaceId())).isEqualTo(5);
    }

    @Test
    void onlyTheMakerAndWorkspaceAdminsMayRevokeAKey() {
        Browser browser = Browser.signedUp("Team Owner");
        SignedInUser owner = member(browser, userIdOf(browser), WorkspaceRole.OWNER);
        ApiKey key = keys.create(owner, new NewKey("Shared", List.of("runs"), "never", ""))
                .key();

        SignedInUser editor = member(browser, UUID.randomUUID(), WorkspaceRole.EDITOR);
        assertThatThrownBy(() -> keys.revoke(editor, key.id))
                .isInstanceOfSatisfying(HttpProblem.class, problem -> assertThat(problem.status())
                        .isEqualTo(403));
        SignedInUser admin = member(browser, UUID.randomUUID(), WorkspaceRole.ADMIN);
        assertThat(keys.revoke(admin, key.id).revokedAt).isNotNull();
        // Revoking a revoked key changes nothing, whoever asks.
        assertThat(keys.revoke(editor, key.id).revokedAt).isNotNull();
    }

    private static UUID userIdOf(Browser browser) {
        return UUID.fromString(
                browser.api().get("/api/auth/me").then().extract().path("user.id"));
    }

    /** Someone with {@code role} in the browser's workspace, as the session would describe them. */
    private static SignedInUser member(Browser browser, UUID userId, WorkspaceRole role) {
        return new SignedInUser(
                userId,
                browser.email(),
                "Someone",
                Theme.AUTO,
                false,
                true,
                false,
                null,
                browser.workspaceId(),
                "Personal",
                PlanId.FREE,
                role);
    }
}

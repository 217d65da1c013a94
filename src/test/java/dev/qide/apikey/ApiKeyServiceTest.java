package dev.qide.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.account.SignedInUser;
import dev.qide.account.Theme;
import dev.qide.apikey.ApiKeyService.NewKey;
import dev.qide.plan.PlanId;
import dev.qide.support.Browser;
import dev.qide.support.Workspaces;
import dev.qide.web.InvalidInputException;
import dev.qide.workspace.WorkspaceRole;
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

/** The key limit holds when many requests make keys at the same moment. */
@QuarkusTest
class ApiKeyServiceTest {

    @Inject
    ApiKeyService keys;

    @Test
    void parallelCreatesNeverPassThePlansLimit() throws Exception {
        Browser browser = Browser.signedUp("Racer");
        UUID workspaceId = browser.workspaceId();
        Workspaces.setPlan(workspaceId, PlanId.PRO);
        UUID userId = UUID.fromString(
                browser.api().get("/api/auth/me").then().extract().path("user.id"));
        SignedInUser user = new SignedInUser(
                userId,
                browser.email(),
                "Racer",
                Theme.AUTO,
                false,
                true,
                false,
                null,
                workspaceId,
                "Personal",
                PlanId.PRO,
                WorkspaceRole.OWNER);

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
        assertThat(ApiKeyAuthenticationTest.keyCount(workspaceId)).isEqualTo(5);
    }
}

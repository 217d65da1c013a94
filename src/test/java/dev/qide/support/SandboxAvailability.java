package dev.qide.support;

import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that run code need what the sandbox needs (bubblewrap, root, cgroup v1): without it they are skipped on a
 * developer's machine, with the reason, and fail in CI, where it is always installed.
 */
public final class SandboxAvailability {

    private SandboxAvailability() {}

    /** Continues when {@code unavailableReason} (from {@code Sandbox.unavailableReason()}) is empty. */
    public static void require(Optional<String> unavailableReason) {
        if (unavailableReason.isEmpty()) {
            return;
        }
        String message = "The code sandbox is not available here: " + unavailableReason.get();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }
}

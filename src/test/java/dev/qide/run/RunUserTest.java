package dev.qide.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A run's processes are never root on the server: root servers switch to the run user, others stay themselves. */
class RunUserTest {

    private static final List<String> WHOLE_RANGE = List.of("         0          0 4294967295");

    private static List<String> status(int uid, int gid) {
        return List.of(
                "Name:\tjava",
                "Uid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid,
                "Gid:\t" + gid + "\t" + gid + "\t" + gid + "\t" + gid);
    }

    @Test
    void aRootServerSwitchesRunsToTheRunUser() {
        RunUser user = RunUser.forServer(64000, 64001, status(0, 0), WHOLE_RANGE, WHOLE_RANGE);

        assertThat(user).isEqualTo(new RunUser(64000, 64001, true));
    }

    @Test
    void aServerThatIsNotRootRunsBubblewrapAsItself() {
        RunUser user = RunUser.forServer(64000, 64000, status(185, 0), WHOLE_RANGE, WHOLE_RANGE);

        assertThat(user).isEqualTo(new RunUser(185, 0, false));
        assertThat(user.switchCommand(java.nio.file.Path.of("/usr/bin/setpriv")))
                .isEmpty();
    }

    @Test
    void theEffectiveUserDecides() {
        List<String> setuidToRoot = List.of("Uid:\t1000\t0\t0\t0", "Gid:\t1000\t1000\t1000\t1000");

        assertThat(RunUser.forServer(64000, 64000, setuidToRoot, WHOLE_RANGE, WHOLE_RANGE)
                        .switchesFromRoot())
                .isTrue();
    }

    @Test
    void aRunUserTheServersUserNamespaceLacksTurnsRunsOff() {
        // Root of a container whose user namespace maps 0-65535 only.
        List<String> container = List.of("         0     100000      65536");

        assertThat(RunUser.forServer(65000, 65000, status(0, 0), container, container))
                .isEqualTo(new RunUser(65000, 65000, true));
        assertThatThrownBy(() -> RunUser.forServer(70000, 65000, status(0, 0), container, container))
                .isInstanceOf(SandboxUnavailableException.class)
                .hasMessageContaining("run user 70000:65000");
        assertThatThrownBy(() -> RunUser.forServer(65000, 70000, status(0, 0), container, container))
                .isInstanceOf(SandboxUnavailableException.class);
    }

    @Test
    void aKernelWithoutUnprivilegedUserNamespacesTurnsRunsOff() {
        RunUser.requireUnprivilegedUserNamespaces(Optional.empty(), Optional.of("96362"));
        RunUser.requireUnprivilegedUserNamespaces(Optional.of("1"), Optional.of("96362"));

        assertThatThrownBy(() -> RunUser.requireUnprivilegedUserNamespaces(Optional.of("0"), Optional.of("96362")))
                .isInstanceOf(SandboxUnavailableException.class)
                .hasMessageContaining("kernel.unprivileged_userns_clone=1");
        assertThatThrownBy(() -> RunUser.requireUnprivilegedUserNamespaces(Optional.empty(), Optional.of("0")))
                .isInstanceOf(SandboxUnavailableException.class);
    }
}

package dev.qide.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CgroupHierarchyTest {

    private static final List<String> MOUNT_INFO = List.of(
            "31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755",
            "32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,relatime - cgroup cgroup rw,cpu,cpuacct",
            "35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory",
            "39 31 0:36 /docker/abc /sys/fs/cgroup/pids rw,relatime shared:5 - cgroup cgroup rw,pids",
            "41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw");

    private static final List<String> CGROUPS =
            List.of("8:pids:/docker/abc/app", "4:memory:/process_api/42", "2:cpu,cpuacct:/", "0::/");

    @Test
    void findsTheServersGroupUnderTheControllersMount() {
        assertThat(CgroupHierarchy.find("memory", MOUNT_INFO, CGROUPS))
                .contains(new CgroupHierarchy("memory", Path.of("/sys/fs/cgroup/memory/process_api/42")));
    }

    @Test
    void allowsForAMountOfASubtree() {
        assertThat(CgroupHierarchy.find("pids", MOUNT_INFO, CGROUPS))
                .contains(new CgroupHierarchy("pids", Path.of("/sys/fs/cgroup/pids/app")));
    }

    @Test
    void findsNothingForAControllerThatIsNotMounted() {
        assertThat(CgroupHierarchy.find("freezer", MOUNT_INFO, CGROUPS)).isEmpty();
        assertThat(CgroupHierarchy.find("pids", MOUNT_INFO, List.of("0::/"))).isEmpty();
    }

    @Test
    void keepsEachRunsGroupInOneFolder() {
        assertThat(new CgroupHierarchy("pids", Path.of("/sys/fs/cgroup/pids")).runsFolder())
                .isEqualTo(Path.of("/sys/fs/cgroup/pids/qide-sandbox"));
    }
}

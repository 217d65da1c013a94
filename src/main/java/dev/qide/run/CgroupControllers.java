package dev.qide.run;

import java.util.Optional;

/** The cgroup v1 hierarchies a run's limits need: memory, pids and cpu. */
record CgroupControllers(CgroupHierarchy memory, CgroupHierarchy pids, CgroupHierarchy cpu) {

    /** All three as this process sees them, or empty when one is not mounted or not writable. */
    static Optional<CgroupControllers> find() {
        return CgroupHierarchy.find("memory").flatMap(memory -> CgroupHierarchy.find("pids")
                .flatMap(pids -> CgroupHierarchy.find("cpu").map(cpu -> new CgroupControllers(memory, pids, cpu))));
    }
}

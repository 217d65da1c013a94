package dev.qide.run;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** Where and under which limits project files run (see BubblewrapSandbox). */
@ConfigMapping(prefix = "qide.sandbox")
public interface SandboxConfig {

    /** The bubblewrap program: a name looked up on the server's PATH and in /usr/bin, or a full path. */
    @WithDefault("bwrap")
    String bwrap();

    /** Time limit of a run that asks for none. */
    @WithDefault("30s")
    Duration defaultTimeout();

    /** Longest time limit a run may ask for; longer requests get this. */
    @WithDefault("120s")
    Duration maxTimeout();

    /** Memory of a run's processes together, files it writes included; beyond it the run is stopped. */
    @WithDefault("512M")
    MemorySize memory();

    /** Processes and threads a run may have at once; trying to start one more stops the run. */
    @WithDefault("64")
    @Min(8)
    @Max(4096)
    int maxProcesses();

    /** CPU cores' worth of time a run's processes share, e.g. 0.5 or 2; a busy run is slowed, not stopped. */
    @WithDefault("1")
    @DecimalMin("0.01")
    double cpus();

    /** Output (stdout and stderr together) streamed and kept per run; beyond it the run is stopped. */
    @WithDefault("1M")
    MemorySize outputCap();

    /**
     * The server's user id a run's processes get when the server runs as root (they never run as root). Choose one no
     * account or file of the server uses; it needs no entry in /etc/passwd.
     */
    @WithDefault("64000")
    @Min(1)
    int runUid();

    /** The server's group id a run's processes get when the server runs as root; like run-uid, one nothing uses. */
    @WithDefault("64000")
    @Min(1)
    int runGid();
}

package dev.qide.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.QideConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Sandboxes built the way the application builds them, with the default limits and a data folder of the test's. */
final class TestSandboxes {

    private TestSandboxes() {}

    static BubblewrapSandbox create(Path dataDir) {
        return create(dataDir, defaults());
    }

    static BubblewrapSandbox create(Path dataDir, Config config) {
        return new BubblewrapSandbox(config, qideConfig(dataDir));
    }

    /** The application's defaults (see application.properties). */
    static Config defaults() {
        return new Config(
                "bwrap",
                Duration.ofSeconds(30),
                Duration.ofSeconds(120),
                size("512M"),
                64,
                1.0,
                size("1M"),
                64000,
                64000);
    }

    /** Runs one file and waits for its result. */
    static RunResult run(Sandbox sandbox, RunLanguage language, String source) throws Exception {
        String entry = "main" + language.extensions().getFirst();
        return run(sandbox, new SandboxRequest(language, Map.of(entry, source), entry), SandboxOutput.ignore());
    }

    static RunResult run(Sandbox sandbox, SandboxRequest request, SandboxOutput output) throws Exception {
        return sandbox.start(request, output).result().get(60, TimeUnit.SECONDS);
    }

    static SandboxRequest request(RunLanguage language, String source, Duration timeout) {
        String entry = "main" + language.extensions().getFirst();
        return new SandboxRequest(language, Map.of(entry, source), entry, timeout);
    }

    /** Asserts that the server's sandbox folder holds nothing of any run: only the seccomp filter runs share. */
    static void assertNoRunFilesIn(Path dataDir) throws IOException {
        try (Stream<Path> entries = Files.list(dataDir.resolve("sandbox"))) {
            assertThat(entries.map(path -> path.getFileName().toString()))
                    .singleElement()
                    .matches(name -> name.matches("seccomp-\\w+\\.bpf"));
        }
    }

    private static MemorySize size(String text) {
        return new MemorySizeConverter().convert(text);
    }

    private static QideConfig qideConfig(Path dataDir) {
        return new QideConfig() {
            @Override
            public String dataDir() {
                return dataDir.toString();
            }

            @Override
            public String baseUrl() {
                return "http://localhost:8081";
            }

            @Override
            public boolean behindProxy() {
                return false;
            }

            @Override
            public String salesContact() {
                return "mailto:sales@example.com";
            }

            @Override
            public Optional<List<String>> adminEmails() {
                return Optional.empty();
            }
        };
    }

    record Config(
            String bwrap,
            Duration defaultTimeout,
            Duration maxTimeout,
            MemorySize memory,
            int maxProcesses,
            double cpus,
            MemorySize outputCap,
            int runUid,
            int runGid)
            implements SandboxConfig {

        Config withBwrap(String path) {
            return new Config(path, defaultTimeout, maxTimeout, memory, maxProcesses, cpus, outputCap, runUid, runGid);
        }

        Config withCpus(double share) {
            return new Config(
                    bwrap, defaultTimeout, maxTimeout, memory, maxProcesses, share, outputCap, runUid, runGid);
        }

        Config withRunUser(int uid, int gid) {
            return new Config(bwrap, defaultTimeout, maxTimeout, memory, maxProcesses, cpus, outputCap, uid, gid);
        }
    }
}

package dev.qide.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qide.run.SeccompFilter.Architecture;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the filter answers, found by running the compiled program on a small classic-BPF interpreter (the kernel's
 * answer for the x86_64 build is shown end to end by SandboxEscapeApiTest).
 */
class SeccompFilterTest {

    private static final int X86_64 = 0xC000003E;
    private static final int I386 = 0x40000003;
    private static final int AARCH64 = 0xC00000B7;
    private static final int ARM = 0x40000028;

    private static final int ALLOW = 0x7fff0000;
    private static final int EPERM = 0x00050001;
    private static final int ENOSYS = 0x00050026;
    private static final int KILL_PROCESS = 0x80000000;

    private static final byte[] X86_FILTER = SeccompFilter.program(Architecture.X86_64);
    private static final byte[] ARM_FILTER = SeccompFilter.program(Architecture.AARCH64);

    @Test
    void everyListedSystemCallIsRefusedOnBothArchitectures() {
        Map<String, Integer> x86 = SeccompFilter.refusedSyscalls(Architecture.X86_64);
        Map<String, Integer> arm = SeccompFilter.refusedSyscalls(Architecture.AARCH64);

        assertThat(x86)
                .containsEntry("mount", 165)
                .containsEntry("ptrace", 101)
                .containsEntry("keyctl", 250)
                .containsEntry("bpf", 321)
                .containsEntry("perf_event_open", 298)
                .containsEntry("kexec_load", 246)
                .containsEntry("init_module", 175)
                .containsEntry("unshare", 272)
                .containsEntry("io_uring_setup", 425)
                .containsEntry("iopl", 172);
        assertThat(arm)
                .containsEntry("mount", 40)
                .containsEntry("ptrace", 117)
                .containsEntry("keyctl", 219)
                .containsEntry("bpf", 280)
                .containsEntry("unshare", 97)
                .doesNotContainKey("iopl");
        x86.forEach((name, number) ->
                assertThat(decide(X86_FILTER, X86_64, number)).as(name).isEqualTo(EPERM));
        arm.forEach((name, number) ->
                assertThat(decide(ARM_FILTER, AARCH64, number)).as(name).isEqualTo(EPERM));
    }

    @Test
    void everyDaySystemCallsAreAllowed() {
        // read, write, openat, mmap, execve, exit_group, wait4 on x86_64.
        for (int number : new int[] {0, 1, 257, 9, 59, 231, 61}) {
            assertThat(decide(X86_FILTER, X86_64, number)).isEqualTo(ALLOW);
        }
        // read, write, openat, mmap, execve, exit_group on aarch64 (56 is openat there, clone on x86_64).
        for (int number : new int[] {63, 64, 56, 222, 221, 94}) {
            assertThat(decide(ARM_FILTER, AARCH64, number)).isEqualTo(ALLOW);
        }
    }

    @Test
    void cloneIsAllowedForThreadsAndForksButNotForNamespaces() {
        int fork = 17; // SIGCHLD
        int thread = 0x3d0f00; // CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | ...
        assertThat(decide(X86_FILTER, X86_64, 56, fork)).isEqualTo(ALLOW);
        assertThat(decide(X86_FILTER, X86_64, 56, thread)).isEqualTo(ALLOW);
        for (int namespace :
                new int[] {0x00020000, 0x02000000, 0x04000000, 0x08000000, 0x10000000, 0x20000000, 0x40000000}) {
            assertThat(decide(X86_FILTER, X86_64, 56, namespace | fork)).isEqualTo(EPERM);
            assertThat(decide(ARM_FILTER, AARCH64, 220, namespace | fork)).isEqualTo(EPERM);
        }
        assertThat(decide(ARM_FILTER, AARCH64, 220, thread)).isEqualTo(ALLOW);
        // clone3 hides its flags in memory: ENOSYS makes the C library fall back to clone.
        assertThat(decide(X86_FILTER, X86_64, 435)).isEqualTo(ENOSYS);
        assertThat(decide(ARM_FILTER, AARCH64, 435)).isEqualTo(ENOSYS);
    }

    @Test
    void onlyLocalInternetAndRouteNetlinkSocketsAreAllowed() {
        int socket = 41;
        int cloexec = 0x80000;
        assertThat(decide(X86_FILTER, X86_64, socket, 1, 1 | cloexec))
                .as("unix")
                .isEqualTo(ALLOW);
        assertThat(decide(X86_FILTER, X86_64, socket, 2, 1 | cloexec)).as("tcp").isEqualTo(ALLOW);
        assertThat(decide(X86_FILTER, X86_64, socket, 10, 2)).as("udp6").isEqualTo(ALLOW);
        assertThat(decide(X86_FILTER, X86_64, socket, 16, 3, 0))
                .as("route netlink")
                .isEqualTo(ALLOW);
        assertThat(decide(X86_FILTER, X86_64, socket, 2, 3, 1)).as("raw icmp").isEqualTo(EPERM);
        assertThat(decide(X86_FILTER, X86_64, socket, 10, 3 | cloexec, 58))
                .as("raw icmp6")
                .isEqualTo(EPERM);
        assertThat(decide(X86_FILTER, X86_64, socket, 2, 10)).as("SOCK_PACKET").isEqualTo(EPERM);
        assertThat(decide(X86_FILTER, X86_64, socket, 17, 3)).as("packet").isEqualTo(EPERM);
        assertThat(decide(X86_FILTER, X86_64, socket, 16, 3, 15))
                .as("uevent netlink")
                .isEqualTo(EPERM);
        assertThat(decide(X86_FILTER, X86_64, socket, 38, 5)).as("af_alg").isEqualTo(EPERM);
        assertThat(decide(ARM_FILTER, AARCH64, 198, 17, 3))
                .as("packet on aarch64")
                .isEqualTo(EPERM);
        assertThat(decide(ARM_FILTER, AARCH64, 198, 2, 1)).as("tcp on aarch64").isEqualTo(ALLOW);
    }

    @Test
    void otherAbisAreShutOut() {
        // A 32-bit system call (int 0x80) on x86_64 kills the process; so does 32-bit ARM on aarch64.
        assertThat(decide(X86_FILTER, I386, 1)).isEqualTo(KILL_PROCESS);
        assertThat(decide(ARM_FILTER, ARM, 1)).isEqualTo(KILL_PROCESS);
        assertThat(decide(X86_FILTER, AARCH64, 1)).isEqualTo(KILL_PROCESS);
        // x32's write, and x32's number for mount.
        assertThat(decide(X86_FILTER, X86_64, 0x40000001)).isEqualTo(EPERM);
        assertThat(decide(X86_FILTER, X86_64, 0x40000000 | 165)).isEqualTo(EPERM);
    }

    @Test
    void theArchitectureComesFromTheJvmsName() {
        assertThat(Architecture.of("amd64")).contains(Architecture.X86_64);
        assertThat(Architecture.of("aarch64")).contains(Architecture.AARCH64);
        assertThat(Architecture.of("ppc64le")).isEmpty();
    }

    @Test
    void theFilterFileIsWrittenOnceAndRepairedWhenChanged(@TempDir Path dataDir) throws Exception {
        Path folder = dataDir.resolve("sandbox");

        Path file = SeccompFilter.writeTo(folder, Architecture.X86_64);

        assertThat(file).hasFileName("seccomp-x86_64.bpf").hasBinaryContent(X86_FILTER);
        assertThat(Files.getPosixFilePermissions(folder)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        long written = Files.getLastModifiedTime(file).toMillis();
        assertThat(SeccompFilter.writeTo(folder, Architecture.X86_64)).isEqualTo(file);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(written);
        Files.write(file, new byte[] {1, 2, 3});
        assertThat(SeccompFilter.writeTo(folder, Architecture.X86_64)).hasBinaryContent(X86_FILTER);
        try (var entries = Files.list(folder)) {
            assertThat(entries).containsExactly(file);
        }
    }

    @Test
    void jumpsBeyondWhatAnInstructionCanHoldAreRefused() {
        BpfProgram program = new BpfProgram().load(0).jumpIfEqual(1, "far");
        for (int i = 0; i < 256; i++) {
            program.answer(0);
        }
        program.label("far").answer(0);

        assertThatThrownBy(program::assemble).hasMessageContaining("256");
    }

    /** Runs a seccomp program on {@code struct seccomp_data} for one system call; answers its return value. */
    private static int decide(byte[] program, int architecture, int number, long... arguments) {
        ByteBuffer data = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        data.putInt(0, number).putInt(4, architecture);
        for (int i = 0; i < arguments.length; i++) {
            data.putLong(16 + 8 * i, arguments[i]);
        }
        ByteBuffer code = ByteBuffer.wrap(program).order(ByteOrder.LITTLE_ENDIAN);
        int accumulator = 0;
        int pc = 0;
        while (true) {
            int at = pc * 8;
            int opcode = Short.toUnsignedInt(code.getShort(at));
            int ifTrue = Byte.toUnsignedInt(code.get(at + 2));
            int ifFalse = Byte.toUnsignedInt(code.get(at + 3));
            int operand = code.getInt(at + 4);
            pc++;
            switch (opcode) {
                case BpfProgram.LOAD_WORD -> accumulator = data.getInt(operand);
                case BpfProgram.AND -> accumulator &= operand;
                case BpfProgram.JUMP_IF_EQUAL -> pc += accumulator == operand ? ifTrue : ifFalse;
                case BpfProgram.JUMP_IF_AT_LEAST ->
                    pc += Integer.compareUnsigned(accumulator, operand) >= 0 ? ifTrue : ifFalse;
                case BpfProgram.JUMP_IF_ANY_SET -> pc += (accumulator & operand) != 0 ? ifTrue : ifFalse;
                case BpfProgram.RETURN -> {
                    return operand;
                }
                default -> throw new IllegalStateException("Unknown opcode " + opcode);
            }
        }
    }
}

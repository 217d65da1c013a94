package dev.qide.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The seccomp filter every process of a run lives under (bubblewrap installs it with {@code --seccomp} just before it
 * starts the program, and in its own pid 1): the system calls a Python, Node.js or bash program never needs answer
 * EPERM, whatever the caller's privileges. It guards against the kernel's own bugs as much as against privileges:
 * namespaces and mounts, tracing or reading other processes, keyrings, BPF, perf events, userfaultfd, io_uring,
 * kernel modules, kexec, reboot, swap, clocks, and raw or packet sockets. System calls of another ABI than the
 * server's (32-bit x86 on x86_64, 32-bit ARM on aarch64) kill the process; the x32 ABI answers EPERM.
 *
 * <p>Two calls are looked at more closely: {@code clone} is refused only with a namespace flag (plain threads and
 * forks need it), and {@code clone3}, whose flags the filter cannot see, answers ENOSYS, on which the C library
 * falls back to {@code clone}. {@code socket} is allowed for local (AF_UNIX) sockets, TCP/UDP over IPv4 and IPv6 (the
 * sandbox's network has its own loopback only) and route netlink (which lists network interfaces); raw and packet
 * sockets, other netlink protocols and other families are refused.
 */
final class SeccompFilter {

    // struct seccomp_data: int nr; u32 arch; u64 instruction_pointer; u64 args[6]. The low half of an argument comes
    // first on both little-endian architectures supported.
    private static final int SYSCALL_NUMBER = 0;
    private static final int ARCHITECTURE = 4;
    private static final int FIRST_ARGUMENT = 16;
    private static final int SECOND_ARGUMENT = 24;
    private static final int THIRD_ARGUMENT = 32;

    private static final int ALLOW = 0x7fff0000; // SECCOMP_RET_ALLOW
    private static final int KILL_PROCESS = 0x80000000; // SECCOMP_RET_KILL_PROCESS
    private static final int ERRNO = 0x00050000; // SECCOMP_RET_ERRNO | errno
    private static final int EPERM = 1;
    private static final int ENOSYS = 38;

    // CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET
    private static final int NAMESPACE_FLAGS =
            0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000 | 0x40000000;
    private static final int AF_UNIX = 1;
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int AF_NETLINK = 16;
    private static final int NETLINK_ROUTE = 0;
    private static final int SOCKET_TYPE_MASK = 0xf;
    private static final int SOCK_RAW = 3;
    private static final int SOCK_PACKET = 10;

    /** A system call's number on x86_64 and on aarch64; -1 where the architecture does not have it. */
    private record Syscall(String name, int x86, int arm) {}

    private static final List<Syscall> REFUSED = List.of(
            // Mounts, namespaces, another root: the sandbox is set up once, by bubblewrap.
            new Syscall("mount", 165, 40),
            new Syscall("umount2", 166, 39),
            new Syscall("pivot_root", 155, 41),
            new Syscall("chroot", 161, 51),
            new Syscall("unshare", 272, 97),
            new Syscall("setns", 308, 268),
            new Syscall("open_tree", 428, 428),
            new Syscall("move_mount", 429, 429),
            new Syscall("fsopen", 430, 430),
            new Syscall("fsconfig", 431, 431),
            new Syscall("fsmount", 432, 432),
            new Syscall("fspick", 433, 433),
            new Syscall("mount_setattr", 442, 442),
            // Other processes: tracing them, reading or changing their memory, taking their files.
            new Syscall("ptrace", 101, 117),
            new Syscall("process_vm_readv", 310, 270),
            new Syscall("process_vm_writev", 311, 271),
            new Syscall("process_madvise", 440, 440),
            new Syscall("kcmp", 312, 272),
            new Syscall("pidfd_getfd", 438, 438),
            new Syscall("move_pages", 279, 239),
            new Syscall("migrate_pages", 256, 238),
            // Kernel interfaces with a history of privilege escalations, which programs here have no use for.
            new Syscall("keyctl", 250, 219),
            new Syscall("add_key", 248, 217),
            new Syscall("request_key", 249, 218),
            new Syscall("bpf", 321, 280),
            new Syscall("perf_event_open", 298, 241),
            new Syscall("userfaultfd", 323, 282),
            new Syscall("io_uring_setup", 425, 425),
            new Syscall("io_uring_enter", 426, 426),
            new Syscall("io_uring_register", 427, 427),
            new Syscall("fanotify_init", 300, 262),
            new Syscall("open_by_handle_at", 304, 265),
            new Syscall("lookup_dcookie", 212, 18),
            new Syscall("syslog", 103, 116),
            // The machine itself: kernel code, power, swap, accounting, quotas, clocks, terminals, I/O ports.
            new Syscall("kexec_load", 246, 104),
            new Syscall("kexec_file_load", 320, 294),
            new Syscall("init_module", 175, 105),
            new Syscall("finit_module", 313, 273),
            new Syscall("delete_module", 176, 106),
            new Syscall("reboot", 169, 142),
            new Syscall("swapon", 167, 224),
            new Syscall("swapoff", 168, 225),
            new Syscall("acct", 163, 89),
            new Syscall("quotactl", 179, 60),
            new Syscall("quotactl_fd", 443, 443),
            new Syscall("settimeofday", 164, 170),
            new Syscall("clock_settime", 227, 112),
            new Syscall("vhangup", 153, 58),
            new Syscall("nfsservctl", 180, 42),
            new Syscall("iopl", 172, -1),
            new Syscall("ioperm", 173, -1),
            new Syscall("_sysctl", 156, -1),
            new Syscall("uselib", 134, -1));

    private static final Syscall CLONE = new Syscall("clone", 56, 220);
    private static final Syscall CLONE3 = new Syscall("clone3", 435, 435);
    private static final Syscall SOCKET = new Syscall("socket", 41, 198);

    /** The architectures the filter is written for: the server's own, as the kernel names it in seccomp_data. */
    enum Architecture {
        X86_64(0xC000003E),
        AARCH64(0xC00000B7);

        /** x32 system calls are x86_64 ones with this bit set in their number. */
        private static final int X32_SYSCALL_BIT = 0x40000000;

        private final int auditArchitecture;

        Architecture(int auditArchitecture) {
            this.auditArchitecture = auditArchitecture;
        }

        /** The architecture of a JVM's {@code os.arch}, when the filter knows it. */
        static Optional<Architecture> of(String osArch) {
            return switch (osArch.toLowerCase(Locale.ROOT)) {
                case "amd64", "x86_64" -> Optional.of(X86_64);
                case "aarch64", "arm64" -> Optional.of(AARCH64);
                default -> Optional.empty();
            };
        }

        /** This server's architecture, when the filter knows it. */
        static Optional<Architecture> ofThisServer() {
            return of(System.getProperty("os.arch", ""));
        }

        private int number(Syscall syscall) {
            return this == X86_64 ? syscall.x86() : syscall.arm();
        }
    }

    private SeccompFilter() {}

    /**
     * Writes the filter for {@code architecture} into {@code folder} (only the server may read it: a launching shell
     * opens it before it gives up root), unless it is there already; answers the file. Replicas sharing the folder
     * write the same bytes, and a file is only ever replaced whole.
     */
    static Path writeTo(Path folder, Architecture architecture) throws IOException {
        byte[] program = program(architecture);
        Path file = folder.resolve("seccomp-" + architecture.name().toLowerCase(Locale.ROOT) + ".bpf");
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), program)) {
            return file;
        }
        Files.createDirectories(
                folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path written = Files.createTempFile(folder, "seccomp-", ".tmp");
        try {
            Files.write(written, program);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(written);
        }
        return file;
    }

    /** The system calls always refused on {@code architecture}, by name, with their numbers there. */
    static Map<String, Integer> refusedSyscalls(Architecture architecture) {
        Map<String, Integer> refused = new LinkedHashMap<>();
        REFUSED.stream()
                .filter(syscall -> architecture.number(syscall) >= 0)
                .forEach(syscall -> refused.put(syscall.name(), architecture.number(syscall)));
        return refused;
    }

    /** The compiled filter for {@code architecture}, as bubblewrap reads it from a file descriptor. */
    static byte[] program(Architecture architecture) {
        BpfProgram program = new BpfProgram()
                .load(ARCHITECTURE)
                .jumpUnlessEqual(architecture.auditArchitecture, "kill")
                .load(SYSCALL_NUMBER);
        if (architecture == Architecture.X86_64) {
            program.jumpIfAtLeast(Architecture.X32_SYSCALL_BIT, "refuse");
        }
        for (Syscall syscall : REFUSED) {
            int number = architecture.number(syscall);
            if (number >= 0) {
                program.jumpIfEqual(number, "refuse");
            }
        }
        return program.jumpIfEqual(architecture.number(CLONE), "clone")
                .jumpIfEqual(architecture.number(CLONE3), "not-implemented")
                .jumpIfEqual(architecture.number(SOCKET), "socket")
                .answer(ALLOW)
                .label("clone")
                .load(FIRST_ARGUMENT)
                .jumpIfAnySet(NAMESPACE_FLAGS, "refuse")
                .answer(ALLOW)
                .label("socket")
                .load(FIRST_ARGUMENT)
                .jumpIfEqual(AF_UNIX, "allow")
                .jumpIfEqual(AF_INET, "internet")
                .jumpIfEqual(AF_INET6, "internet")
                .jumpUnlessEqual(AF_NETLINK, "refuse")
                .load(THIRD_ARGUMENT)
                .jumpIfEqual(NETLINK_ROUTE, "allow")
                .answer(ERRNO | EPERM)
                .label("internet")
                .load(SECOND_ARGUMENT)
                .and(SOCKET_TYPE_MASK)
                .jumpIfEqual(SOCK_RAW, "refuse")
                .jumpIfEqual(SOCK_PACKET, "refuse")
                .label("allow")
                .answer(ALLOW)
                .label("refuse")
                .answer(ERRNO | EPERM)
                .label("not-implemented")
                .answer(ERRNO | ENOSYS)
                .label("kill")
                .answer(KILL_PROCESS)
                .assemble();
    }
}

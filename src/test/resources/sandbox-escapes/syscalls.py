# Calls, with arguments that work when the call is allowed, the system calls a program never needs. One line each:
# "<name> refused <errno name>" or "<name> ALLOWED".
import ctypes
import errno
import os
import platform
import socket
import time

libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
NUMBERS = {
    'x86_64': dict(clone=56, ptrace=101, keyctl=250, add_key=248, bpf=321, perf_event_open=298, userfaultfd=323,
                   io_uring_setup=425, unshare=272, setns=308, mount=165, umount2=166, pivot_root=155, chroot=161,
                   process_vm_readv=310, kexec_load=246, init_module=175, finit_module=313,
                   open_by_handle_at=304, fsopen=430),
    'aarch64': dict(clone=220, ptrace=117, keyctl=219, add_key=217, bpf=280, perf_event_open=241, userfaultfd=282,
                    io_uring_setup=425, unshare=97, setns=268, mount=40, umount2=39, pivot_root=41, chroot=51,
                    process_vm_readv=270, kexec_load=104, init_module=105, finit_module=273,
                    open_by_handle_at=265, fsopen=430),
}[platform.machine()]
CLONE_NEWNS, CLONE_NEWUSER, CLONE_NEWNET, SIGCHLD = 0x20000, 0x10000000, 0x40000000, 17


def report(name, result):
    if result < 0:
        print(name, 'refused', errno.errorcode.get(ctypes.get_errno(), ctypes.get_errno()))
    else:
        print(name, 'ALLOWED')


def call(name, *args):
    return libc.syscall(NUMBERS[name], *args)


def sleeping_child():
    child = os.fork()
    if child == 0:
        time.sleep(10)
        os._exit(0)
    return child


def end(child):
    os.kill(child, 9)
    os.waitpid(child, 0)


# Namespaces and mounts.
report('unshare-user', call('unshare', CLONE_NEWUSER))
report('unshare-mount', call('unshare', CLONE_NEWNS))
report('unshare-net', call('unshare', CLONE_NEWNET))
for flags, name in [(CLONE_NEWUSER, 'clone-user'), (CLONE_NEWNS, 'clone-mount')]:
    result = call('clone', flags | SIGCHLD, 0, 0, 0, 0)
    if result == 0:
        os._exit(0)
    if result > 0:
        os.waitpid(result, 0)
    report(name, result)
own_net = os.open('/proc/self/ns/net', os.O_RDONLY)
report('setns', call('setns', own_net, 0))
report('mount-tmpfs', call('mount', b'none', b'/tmp', b'tmpfs', 0, None))
report('mount-proc', call('mount', b'proc', b'/tmp', b'proc', 0, None))
report('umount-proc', call('umount2', b'/proc', 2))
report('pivot_root', call('pivot_root', b'/tmp', b'/tmp'))
report('chroot', call('chroot', b'/tmp'))
report('fsopen', call('fsopen', b'tmpfs', 0))

# Other processes: tracing, reading their memory.
def attach(name, pid):
    result = call('ptrace', 16, pid, 0, 0)  # PTRACE_ATTACH
    report(name, result)
    if result == 0:  # let it go on, as it was
        os.waitpid(pid, 0x40000000)  # __WALL: until it has stopped
        call('ptrace', 17, pid, 0, 0)  # PTRACE_DETACH


child = sleeping_child()
attach('ptrace-attach-child', child)
attach('ptrace-attach-pid-1', 1)
secret = ctypes.create_string_buffer(b'secret', 16)
copy = ctypes.create_string_buffer(16)
local = (ctypes.c_void_p * 2)(ctypes.cast(copy, ctypes.c_void_p), 16)
remote = (ctypes.c_void_p * 2)(ctypes.cast(secret, ctypes.c_void_p), 16)
report('process_vm_readv', call('process_vm_readv', child, local, 1, remote, 1, 0))
end(child)

# Kernel interfaces a program has no business with.
report('keyctl-join-session', call('keyctl', 1, None))
report('add_key', call('add_key', b'user', b'qide', b'x', 1, -3))
attr = bytearray(64)
attr[0:4] = (1).to_bytes(4, 'little')  # PERF_TYPE_SOFTWARE, PERF_COUNT_SW_CPU_CLOCK
attr[4:8] = (64).to_bytes(4, 'little')
attr[40:48] = (0x60).to_bytes(8, 'little')  # exclude_kernel, exclude_hv
perf_attr = ctypes.create_string_buffer(bytes(attr), 64)
report('perf_event_open', call('perf_event_open', perf_attr, 0, -1, -1, 0))
bpf_attr = ctypes.create_string_buffer(b'\x02\x00\x00\x00\x04\x00\x00\x00\x04\x00\x00\x00\x01\x00\x00\x00', 128)
report('bpf-map-create', call('bpf', 0, bpf_attr, 128))
report('userfaultfd', call('userfaultfd', 1))
params = ctypes.create_string_buffer(120)
report('io_uring_setup', call('io_uring_setup', 4, params))
report('kexec_load', call('kexec_load', 0, 0, None, 0))
report('init_module', call('init_module', None, 0, b''))
null = os.open('/dev/null', os.O_RDONLY)
report('finit_module', call('finit_module', null, b'', 0))
handle = ctypes.create_string_buffer(b'\x08\x00\x00\x00\x01\x00\x00\x00' + bytes(8), 16)
report('open_by_handle_at', call('open_by_handle_at', os.open('/', os.O_RDONLY), handle, 0))

# Raw and packet sockets.
for name, family, kind, protocol in [('raw-icmp', socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP),
                                     ('raw-ipv6', socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6),
                                     ('packet', socket.AF_PACKET, socket.SOCK_RAW, 0x0300)]:
    try:
        socket.socket(family, kind, protocol).close()
        print(name, 'ALLOWED')
    except OSError as e:
        print(name, 'refused', errno.errorcode.get(e.errno, e.errno))

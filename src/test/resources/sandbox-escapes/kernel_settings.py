# Tries to open, for writing, every kernel setting and knob under /proc (never writes one). Prints each that opens.
import os

opened = []
refused = 0


def attempt(path):
    global refused
    try:
        fd = os.open(path, os.O_WRONLY)
    except OSError:
        refused += 1
        return
    os.close(fd)
    opened.append(path)


for named in ['/proc/sys/kernel/core_pattern', '/proc/sys/vm/swappiness', '/proc/sys/kernel/modprobe',
              '/proc/sys/fs/suid_dumpable', '/proc/sysrq-trigger']:
    attempt(named)
for top in ['/proc/sys', '/proc/irq', '/proc/bus', '/proc/fs', '/proc/sysvipc', '/proc/driver']:
    for folder, _, files in os.walk(top):
        for name in files:
            attempt(os.path.join(folder, name))
print('refused', refused)
print('opened', opened)

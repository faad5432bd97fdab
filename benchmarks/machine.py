"""What the bench ran on: CPU, cores, memory, PostgreSQL."""

import os
import platform
import subprocess


def _lines(path):
    try:
        with open(path, encoding="utf-8") as file:
            return file.read().splitlines()
    except OSError:
        return []


def _cpu():
    for line in _lines("/proc/cpuinfo"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _memory():
    for line in _lines("/proc/meminfo"):
        if line.startswith("MemTotal"):
            return f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    return "unknown"


def describe(database_url):
    version = subprocess.run(
        ["psql", database_url, "-tAc", "show server_version"], capture_output=True, text=True
    ).stdout.strip()
    return {
        "CPU": _cpu(),
        "cores": str(os.cpu_count()),
        "RAM": _memory(),
        "PostgreSQL": version or "unknown",
        "Python": platform.python_version(),
        "system": platform.platform(),
    }

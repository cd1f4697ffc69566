"""Summarise timed runs and read a server's memory and CPU from /proc."""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def percentile(values: Sequence[float], q: float) -> float:
    """Return the q-th percentile (0–100) with linear interpolation between closest ranks."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass(frozen=True)
class Spread:
    """p50 / p95 / max of a set of latencies, and how many there were."""

    count: int
    p50: float
    p95: float
    max: float

    @classmethod
    def of(cls, values: Iterable[float]) -> "Spread":
        """Return the spread of some values (NaNs when there are none)."""
        values = list(values)
        return cls(len(values), percentile(values, 50), percentile(values, 95),
                   max(values) if values else math.nan)

    def seconds(self) -> str:
        """Return 'p50 / p95 / max' in seconds, or '–' when there were no runs."""
        if not self.count:
            return "–"
        return f"{_s(self.p50)} / {_s(self.p95)} / {_s(self.max)}"


def _s(value: float) -> str:
    return f"{value:.2f} s" if value < 10 else f"{value:.0f} s"


def rss_bytes(pid: int) -> int:
    """Return a process's resident set size (VmRSS) in bytes."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise ValueError(f"no VmRSS for process {pid}")


def cpu_seconds(pid: int) -> float:
    """Return a process's user + system CPU time so far, in seconds (all its threads)."""
    with open(f"/proc/{pid}/stat") as f:
        return stat_cpu_ticks(f.read()) / CLOCK_TICKS


def stat_cpu_ticks(stat: str) -> int:
    """Return utime + stime (clock ticks) from the text of /proc/PID/stat."""
    fields = stat[stat.rindex(")") + 2:].split()  # the command name may hold spaces and parentheses
    return int(fields[11]) + int(fields[12])  # fields 14 and 15 of proc(5)


class Server:
    """The server processes whose memory and CPU are read (summed: one app, or k workers)."""

    def __init__(self, pids: Sequence[int]):
        self.pids = list(pids)

    def __bool__(self) -> bool:
        return bool(self.pids)

    def rss(self) -> int:
        """Return the summed RSS in bytes."""
        return sum(rss_bytes(p) for p in self.pids)

    def cpu(self) -> float:
        """Return the summed CPU seconds."""
        return sum(cpu_seconds(p) for p in self.pids)


def mb(n_bytes: float) -> str:
    """Return bytes as MB with one decimal."""
    return f"{n_bytes / 1e6:.1f}"

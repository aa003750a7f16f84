"""A hybrid logical clock (Kulkarni et al. 2014), kept for diagnostics and tie-breaks only.

The server's sequence orders changes (SYNC.md principle 1); client clocks may be a day off. The HLC still gives every
op a timestamp that never goes backwards on a device and moves past any timestamp the device has seen.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Hlc:
    wall_ms: int
    counter: int

    def __str__(self) -> str:
        return f"{self.wall_ms:013d}-{self.counter:05d}"

    @classmethod
    def parse(cls, text: str) -> Hlc:
        wall, counter = text.split("-")
        return cls(int(wall), int(counter))


def send(last: Hlc, now_ms: int) -> Hlc:
    """The timestamp of a local event."""
    if now_ms > last.wall_ms:
        return Hlc(now_ms, 0)
    return Hlc(last.wall_ms, last.counter + 1)


def receive(last: Hlc, remote: Hlc, now_ms: int) -> Hlc:
    """The clock after seeing a remote timestamp."""
    wall = max(last.wall_ms, remote.wall_ms, now_ms)
    if wall == last.wall_ms == remote.wall_ms:
        counter = max(last.counter, remote.counter) + 1
    elif wall == last.wall_ms:
        counter = last.counter + 1
    elif wall == remote.wall_ms:
        counter = remote.counter + 1
    else:
        counter = 0
    return Hlc(wall, counter)

"""Where each rule number comes from.

Every number a rule uses is defined once, in the ``rules`` module that owns it, as a :class:`Rule` that names its
source and edition. A guideline change is then a one-line, reviewable edit, and a report can say which edition a
decision followed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Source:
    key: str
    title: str
    edition: str

    def __str__(self) -> str:
        return f"{self.title} ({self.edition})"


@dataclass(frozen=True, slots=True)
class Rule(Generic[T]):
    """A rule number and the guideline it comes from."""

    value: T
    source: Source
    note: str = ""


NBTC_DONOR_SELECTION_2017 = Source(
    "NBTC-DS-2017", "NBTC Guidelines for Blood Donor Selection and Blood Donor Referral", "2017"
)
DC_RULES_SCH_F_2020 = Source(
    "DCR-SCHF-XIIB-2020", "Drugs and Cosmetics Rules 1945, Schedule F Part XII-B", "as amended 2020"
)
BSIS_COMPONENTS = Source("BSIS-COMP", "BSIS component preparation rules", "as cited in DOMAIN.md §3-5")
ICCBBA_ST001 = Source("ICCBBA-ST-001", "ICCBBA ISBT 128 Standard Technical Specification ST-001", "current")
ISO_7064 = Source("ISO-IEC-7064", "ISO/IEC 7064 check character systems, MOD 37-2", "2003")
ABO_RHD_SELECTION = Source(
    "ABO-RHD-SEL", "ABO/RhD selection of blood components (order of preference)", "DOMAIN.md §6, 2026"
)
LOCAL_SOP = Source("LOCAL-SOP", "Blood centre standard operating procedure", "site-configurable default")

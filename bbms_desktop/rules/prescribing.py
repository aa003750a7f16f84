"""What a teleconsultation may not prescribe (Telemedicine Practice Guidelines 2020, §3.7.4 and Annexure 1).

The guidelines' "prohibited list": medicines of Schedule X of the Drugs and Cosmetics Rules 1945, and narcotic
drugs and psychotropic substances of the NDPS Act 1985, may not be prescribed through telemedicine. Each entry names
its source. A prescribed line is refused when one of these generic names appears in it as a word (``Tab. Alprazolam
0.25 mg`` is refused); a brand name that hides the molecule is not caught here, so the list is the floor, not the
whole check. The hub client refuses first and the server refuses again (the same function).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.rules.sources import Source

TPG_2020_PROHIBITED = Source(
    "TPG-2020-PROHIBITED", "Telemedicine Practice Guidelines 2020, §3.7.4 and Annexure 1 (prohibited list)", "2020"
)
DC_RULES_SCHEDULE_X = Source("DCR-SCH-X", "Schedule X, Drugs and Cosmetics Rules 1945", "as amended")
NDPS_ACT_1985 = Source("NDPS-1985", "NDPS Act 1985, narcotic drugs and psychotropic substances", "as amended")

PROHIBITED_MEDICINE = QT_TRANSLATE_NOOP(
    "Prescribing",
    "{medicine} may not be prescribed by teleconsultation: it is on the prohibited list ({source}). "
    "Ask the patient to see a doctor in person.",
)


@dataclass(frozen=True, slots=True)
class Prohibited:
    name: str  # the generic name, lower case
    source: Source


_SCHEDULE_X = (
    "amobarbital",
    "amphetamine",
    "barbital",
    "cyclobarbital",
    "dexamphetamine",
    "ethchlorvynol",
    "glutethimide",
    "meprobamate",
    "methamphetamine",
    "methylphenidate",
    "methylphenobarbital",
    "pentobarbital",
    "phencyclidine",
    "phenmetrazine",
    "secobarbital",
)
_NDPS = (
    # narcotic drugs
    "morphine",
    "codeine",
    "pholcodine",
    "diacetylmorphine",
    "heroin",
    "fentanyl",
    "pethidine",
    "methadone",
    "oxycodone",
    "hydrocodone",
    "hydromorphone",
    "tapentadol",
    "tramadol",
    "buprenorphine",
    "pentazocine",
    "dextropropoxyphene",
    "cocaine",
    "opium",
    "cannabis",
    # psychotropic substances
    "alprazolam",
    "diazepam",
    "lorazepam",
    "clonazepam",
    "nitrazepam",
    "chlordiazepoxide",
    "midazolam",
    "phenobarbital",
    "phenobarbitone",
    "butalbital",
    "ketamine",
)

PROHIBITED: Mapping[str, Prohibited] = {
    **{name: Prohibited(name, DC_RULES_SCHEDULE_X) for name in _SCHEDULE_X},
    **{name: Prohibited(name, NDPS_ACT_1985) for name in _NDPS},
}
"""Generic name → why it may not be prescribed by teleconsultation."""

_WORD = re.compile(r"[a-z]+")


def prohibited_in(text: str) -> Prohibited | None:
    """The prohibited medicine named in ``text`` (a prescribed line), or None."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    for word in _WORD.findall(plain):
        found = PROHIBITED.get(word)
        if found is not None:
            return found
    return None

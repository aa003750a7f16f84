"""One way for a page to print: read what to print off the GUI thread, then print it (to the printer chosen in
settings, or a PDF in the profile) and say where it went in the page's message bar."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bbms_desktop.ui.printing.output import deliver
from bbms_desktop.ui.widgets import render

Printer = Callable[
    ..., object
]  # print_bag_labels, print_donor_cards, print_issue_slips: (items, printer_name=, pdf_path=)


def print_from(
    page: Any,  # a Page with ``ctx`` and ``message``
    query: Callable[[Any], Sequence[Any]],
    print_items: Printer,
    stem: str,
    done: Callable[[Path | None], None] | None = None,
) -> None:
    """Load ``query(session)`` off the GUI thread, print the items, tell the user; ``done`` gets the PDF written."""

    def loaded(items: Sequence[Any]) -> None:
        if not items:
            return
        text, pdf = deliver(
            page.ctx.settings,
            page.ctx.profile,
            stem,
            len(items),
            lambda name, path: print_items(items, printer_name=name, pdf_path=path),
        )
        page.message.show_message(render(text))
        if done is not None:
            done(pdf)

    page.ctx.load(page, query, loaded, page.message.show_error)

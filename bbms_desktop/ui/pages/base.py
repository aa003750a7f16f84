"""What every workflow page is: a titled widget the sidebar lists to the roles that may use it.

The contract, so that pages stay thin and alike:

* Build widgets in ``__init__``; set **every** visible text in :meth:`Page.retranslate` (called once at the end of
  construction and again on each language switch, so a half-filled form keeps what was typed).
* Load with ``self.ctx.load(self, query, on_loaded)`` and save with ``self.ctx.save(self, use_case, on_saved,
  on_error)``: both run off the GUI thread through the one task helper. Never hold an ORM object in a widget.
* :meth:`activated` runs whenever the page is shown and, while it is shown, after every save (``records_changed``).
  A page whose own save handlers already show the outcome sets ``shows_own_saves``: its own saves then reload
  nothing behind them (a save made elsewhere still reloads it). Pages not shown reload when next shown, not before.
* :meth:`handle_scan` gets first chance at a scanned code while the page is current; return True when used.
* :meth:`clear_work` empties forms when a different user signs in at this workstation.
* Buttons for an action a role may not take are hidden with :meth:`permit`.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget

from bbms_desktop.errors import DomainError
from bbms_desktop.i18n import Msg
from bbms_desktop.rules import isbt128
from bbms_desktop.rules.roles import Action
from bbms_desktop.services import stock_views
from bbms_desktop.ui.context import AppContext
from bbms_desktop.ui.widgets import render


def is_unit_code(ctx: AppContext, text: str) -> bool:
    """A scanned ISBT 128 DIN, or a local unit number this centre has recorded (one index probe on the GUI thread:
    the window must answer at once whether a scan was taken)."""
    try:
        if isbt128.decode_scan(text).kind == isbt128.ScanKind.DIN:
            return True
    except DomainError:
        pass
    with ctx.db.read() as session:
        return stock_views.unit_known(session, text)


class Page(QWidget):
    page_id: ClassVar[str]
    title_msg: ClassVar[Msg]
    needs: ClassVar[frozenset[Action]] = frozenset()  # shown to a user who may do any of these; empty: to everyone
    shows_own_saves: ClassVar[bool] = False  # True: the page's on_saved handlers refresh what it shows themselves

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(f"page_{self.page_id}")
        self._permits: list[tuple[QWidget, Action]] = []
        ctx.actor_changed.connect(self._apply_permits)
        ctx.records_changed.connect(self._records_changed)

    # --- for subclasses -----------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every visible text (called on construction and on a language switch)."""

    def activated(self) -> None:
        """The page was shown, or data changed while it shows: reload what it displays."""

    def handle_scan(self, text: str) -> bool:
        """A scanned code while this page is current; True when the page used it."""
        return False

    def clear_work(self) -> None:
        """A different user signed in: forget what the previous one typed."""

    # --- helpers ------------------------------------------------------------------------------------------------

    @classmethod
    def title(cls) -> str:
        return render(cls.title_msg)

    @classmethod
    def visible_to(cls, ctx: AppContext) -> bool:
        return ctx.actor is not None and (not cls.needs or any(ctx.may(action) for action in cls.needs))

    def permit(self, widget: QWidget, action: Action) -> None:
        """Show ``widget`` only to users whose role may take ``action``."""
        self._permits.append((widget, action))
        widget.setVisible(self.ctx.may(action))

    def _apply_permits(self) -> None:
        for widget, action in self._permits:
            widget.setVisible(self.ctx.may(action))

    def _records_changed(self, _what: str) -> None:
        if not self.isVisible():
            return  # a page not shown reloads when it is shown (activated), not behind the user's work now
        if self.shows_own_saves and self.ctx.saved_by is self:
            return  # its own save: the page's on_saved already showed the outcome
        self.activated()

    def hasHeightForWidth(self) -> bool:
        """No: a page fills the area the window gives it. A page of word-wrapped labels would otherwise be
        height-for-width, and the window's stack of pages would measure every page, the hidden ones too, at each
        layout pass of the one shown (QStackedLayout takes the tallest): a sixth of the time a scan takes."""
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

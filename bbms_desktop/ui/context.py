"""What every page shares: the profile's database, its settings, the centre, the signed-in user, and the signals
that keep pages current (a save anywhere refreshes what shows it; a language switch re-labels every page).

Only plain values live here (``Actor``, ``CentreInfo``): never an ORM object, never a Session.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from bbms_desktop.rules.roles import Action, may
from bbms_desktop.services.accounts import CentreInfo
from bbms_desktop.services.uow import Actor, Database, UnitOfWork
from bbms_desktop.ui.settings import Settings
from bbms_desktop.ui.tasks import run_task


class AppContext(QObject):
    actor_changed = Signal()
    records_changed = Signal(str)  # after a save: what changed ("donors", "components", ... or "*")
    centre_changed = Signal()

    def __init__(self, db: Database, profile: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.profile = Path(profile) if profile is not None else db.path.parent
        self.settings = Settings(self.profile)
        self.centre: CentreInfo | None = None
        self.actor: Actor | None = None
        self.saved_by: QObject | None = None  # while records_changed is delivered: the owner of that save

    # --- who is signed in -------------------------------------------------------------------------------------------

    def sign_in(self, actor: Actor) -> None:
        self.actor = actor
        self.actor_changed.emit()

    def sign_out(self) -> None:
        self.actor = None
        self.actor_changed.emit()

    def may(self, action: Action) -> bool:
        return self.actor is not None and may(self.actor.role, action)

    def set_centre(self, centre: CentreInfo | None) -> None:
        self.centre = centre
        self.centre_changed.emit()

    @property
    def is_training(self) -> bool:
        return bool(self.centre and self.centre.is_training)

    # --- work -------------------------------------------------------------------------------------------------------

    def save(
        self,
        owner: QObject,
        use_case: Callable[[UnitOfWork], Any],
        on_saved: Callable[[Any], None],
        on_error: Callable[[Exception], None],
        *,
        changed: str = "*",
        read_after: Callable[[Any, Any], Any] | None = None,
    ) -> None:
        """Run ``use_case(uow)`` in one unit of work off the GUI thread as the signed-in user; then tell every page.

        ``read_after(session, result)``: what the page shows next, read on the same worker once the unit of work
        has committed (a fresh read snapshot, so it sees the save); ``on_saved`` then gets ``(result, read)``, where
        ``read`` is the exception if that read failed (the save itself stands)."""
        db, actor = self.db, self.actor

        def work() -> Any:
            with db.unit_of_work(actor) as uow:
                result = use_case(uow)
            if read_after is None:
                return result
            try:
                with db.read() as session:
                    return result, read_after(session, result)
            except Exception as error:  # the save is committed: report the read's failure, not a failed save
                return result, error

        def saved(result: Any) -> None:
            on_saved(result)
            self.saved_by = owner
            try:
                self.records_changed.emit(changed)
            finally:
                self.saved_by = None

        run_task(owner, work, saved, on_error)

    def load(
        self,
        owner: QObject,
        query: Callable[[Any], Any],
        on_loaded: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
        *,
        background: bool = False,
        key: Hashable | None = None,
    ) -> None:
        """Run ``query(session)`` in a read-only snapshot off the GUI thread; ``on_loaded`` gets plain values.

        ``background``: a refresh nobody is waiting for (a timer's); it yields to the user's loads and saves, and one
        already waiting with the same ``key`` makes this one redundant (see ``ui/tasks.py``)."""
        db = self.db

        def work() -> Any:
            with db.read() as session:
                return query(session)

        run_task(owner, work, on_loaded, on_error, background=background, key=key)

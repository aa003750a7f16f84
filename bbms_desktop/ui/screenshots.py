"""``bbms-desktop --profile DIR screenshots --out DIR [--lang en|hi]``: every page, filled with demo data, to PNG.

Offscreen (no display needed): the profile gets the demo dataset if it has no centre yet, the window signs in as the
demo administrator (who may use every page), opens each page in sidebar order, selects the first row of each list so
detail panes are not empty, and saves ``<page_id>.png``; the sign-in page is ``login.png``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from sqlalchemy import select

from bbms_desktop.errors import InvalidInput
from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.models import Component, DeviceState, Donor, Issue
from bbms_desktop.rules.vocabulary import ComponentStatus
from bbms_desktop.services import accounts, demo_data, label_content
from bbms_desktop.services.profile import open_profile
from bbms_desktop.services.uow import Database
from bbms_desktop.ui import tasks

WINDOW_SIZE = (1280, 820)
DEMO_DONORS = 300
STATUS_REFRESH_S = 0.3  # the window refreshes its busy indicator every 250 ms
Log = Callable[[str], None]
ENROLLED = QT_TRANSLATE_NOOP(
    "Screenshots",
    "This profile is enrolled with {server}: screenshots are taken of a demo profile (a new folder), never of one "
    "that syncs real records.",
)


def settle(app: QApplication, timeout: float = 30.0, rounds: int = 3) -> None:
    """Process events until every background task has delivered (and what it caused is done), or ``timeout``."""
    deadline = time.monotonic() + timeout
    quiet = 0
    while time.monotonic() < deadline and quiet < rounds:
        app.processEvents()
        if tasks.idle():
            quiet += 1
        else:
            quiet = 0
        time.sleep(0.02)
    app.processEvents()


def select_first_rows(page: QWidget) -> int:
    """Select the first row of every visible list on ``page`` that has rows and nothing selected; how many."""
    selected = 0
    for view in page.findChildren(QAbstractItemView):
        model, selection = view.model(), view.selectionModel()
        if model is None or selection is None or not view.isVisibleTo(page) or model.rowCount() == 0:
            continue
        if view.selectionMode() == QAbstractItemView.SelectionMode.NoSelection or selection.hasSelection():
            continue
        index = model.index(0, 0)
        if model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            continue  # a grid to type into (a prescription's medicines), not a list to pick from
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        if view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows:
            flags |= QItemSelectionModel.SelectionFlag.Rows
        selection.setCurrentIndex(index, flags)
        selected += 1
    return selected


def render_all(
    profile: Path,
    out: Path,
    language: str = "en",
    *,
    donors: int = DEMO_DONORS,
    seed: int = 1,
    log: Log = lambda _message: None,
) -> list[Path]:
    """Render the sign-in page and every page to ``out``; returns the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from bbms_desktop.ui.app import create_app, install_language
    from bbms_desktop.ui.main_window import MainWindow

    profile.mkdir(parents=True, exist_ok=True)
    out.mkdir(parents=True, exist_ok=True)
    app = create_app(language)
    db = open_profile(profile)
    written: list[Path] = []
    try:
        with db.read() as session:
            state = session.get(DeviceState, 1)
            if state is not None and state.server_url is not None:
                raise InvalidInput(ENROLLED(server=state.server_url), field="profile")
        if accounts.local_centre(db) is None:
            log(f"building demo data ({donors} donors) in {profile}")
            demo_data.build(db, donors=donors, seed=seed)
        window = MainWindow(db, profile)
        window.resize(*WINDOW_SIZE)
        window.show()
        settle(app)
        if window.pages.currentWidget() is not window.login_page:
            raise RuntimeError("the window did not reach the sign-in page")
        window.login_page.username.setText("admin")
        written.append(_save(window, out / "login.png", log))
        actor = accounts.authenticate(db, "admin", demo_data.DEMO_PASSWORD)
        window.signed_in(actor)
        settle(app)
        workspace = window.workspace
        assert workspace is not None
        for page_id in workspace.visible_ids():
            page = window.open_page(page_id)
            if page is None:
                continue
            settle(app)
            if select_first_rows(page):
                settle(app)
                select_first_rows(page)  # a detail pane may itself hold a list
                settle(app)
            written.append(_save(window, out / f"{page_id}.png", log))
        written += _documents(db, out, log)
        window.sync.stop()
        window.close()
        window.deleteLater()
        settle(app, timeout=5, rounds=1)
    finally:
        install_language(app, "en")
        db.dispose()
    return written


def _save(window: QWidget, path: Path, log: Log) -> Path:
    app = QApplication.instance()
    deadline = time.monotonic() + STATUS_REFRESH_S
    while app is not None and time.monotonic() < deadline:  # the status bar's "working" note catches up
        app.processEvents()
        time.sleep(0.02)
    if not window.grab().save(str(path)):
        raise RuntimeError(f"could not write {path}")
    log(f"wrote {path}")
    return path


LABEL_PX_PER_MM = 8
DOCUMENTS = ("label", "donor-card", "issue-slip")  # drawn after the pages, when the demo data has one of each


def _documents(db: Database, out: Path, log: Log) -> list[Path]:
    """A bag label, a donor card and an issue slip of the demo data, drawn on images as they print."""
    from PySide6.QtGui import QImage, QPainter

    from bbms_desktop.ui.printing import labels

    with db.read() as session:
        unit = session.scalar(
            select(Component.id).where(Component.status == ComponentStatus.AVAILABLE).order_by(Component.id).limit(1)
        )
        issue = session.scalar(select(Issue.id).order_by(Issue.id).limit(1))
        donor = session.scalar(select(Donor.id).where(Donor.blood_group.is_not(None)).order_by(Donor.id).limit(1))
        label = label_content.bag_label(session, unit) if unit else None
        card = label_content.donor_card(session, donor) if donor else None
        slip = label_content.issue_slip(session, issue) if issue else None
    documents = zip(
        DOCUMENTS,
        (labels.LABEL_MM, labels.CARD_MM, labels.SLIP_MM),
        (labels.draw_bag_label, labels.draw_donor_card, labels.draw_issue_slip),
        (label, card, slip),
        strict=True,
    )
    written = []
    for name, (width, height), draw, content in documents:
        if not content:
            continue
        image = QImage(round(width * LABEL_PX_PER_MM), round(height * LABEL_PX_PER_MM), QImage.Format.Format_RGB32)
        image.fill(0xFFFFFF)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(LABEL_PX_PER_MM / 10, LABEL_PX_PER_MM / 10)
        draw(painter, content)
        painter.end()
        path = out / f"{name}.png"
        if not image.save(str(path)):
            raise RuntimeError(f"could not write {path}")
        log(f"wrote {path}")
        written.append(path)
    return written

"""The TRAINING banner: across the top of the window of a training sandbox, on every page and on the sign-in page,
never closable. It names the trainee's sandbox and shows the exercise in hand with its steps done, updated after
every save, so progress shows while the trainee works on the ordinary pages."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

from bbms_desktop.services import training_views
from bbms_desktop.ui.context import AppContext
from bbms_desktop.ui.widgets import render

STYLE = (
    "QLabel#training_banner{background:#bf360c; color:#ffffff; font-weight:700; font-size:13pt; padding:8px 12px;"
    "border-top:6px solid #ffd600; border-bottom:6px solid #ffd600;}"
)


class TrainingBanner(QLabel):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("training_banner")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet(STYLE)
        self.current: training_views.ExerciseProgress | None = None
        ctx.centre_changed.connect(self.refresh)
        ctx.actor_changed.connect(self.refresh)
        ctx.records_changed.connect(lambda _what: self.refresh())
        self.hide()

    def refresh(self) -> None:
        self.setVisible(self.ctx.is_training)
        self.retranslate()
        if self.ctx.is_training:
            self.ctx.load(self, training_views.progress, self._loaded)

    def _loaded(self, progress: list[training_views.ExerciseProgress]) -> None:
        started = [p for p in progress if p.started_at is not None]
        started.sort(key=lambda p: p.started_at)  # type: ignore[arg-type, return-value]
        self.current = started[-1] if started else None
        self.retranslate()

    def retranslate(self) -> None:
        trainee = self.ctx.profile.name
        text = self.tr(
            "⚠ TRAINING SANDBOX ({trainee}) ⚠  Practice data only: nothing here is real, and it never syncs."
        ).format(trainee=trainee)
        current = self.current
        if current is not None:
            if current.finished:
                line = self.tr("Exercise: {title}. Every step done.")
            else:
                line = self.tr("Exercise: {title}. {done} of {total} steps done.")
            text += "\n" + line.format(title=render(current.title), done=current.done_steps, total=len(current.steps))
        self.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

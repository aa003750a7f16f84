"""Training (a sandbox only): the exercises with their live checklists, reset, and the trainer's class summary.

The checklist is the sandbox's own data, read by ``services.training_views``: a step turns green when the records
the trainee made on the ordinary pages satisfy it. The page re-reads after every save and whenever it is shown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.rules.roles import Role
from bbms_desktop.services import training, training_views
from bbms_desktop.services.training_views import ExerciseProgress, TraineeSummary
from bbms_desktop.ui.context import AppContext
from bbms_desktop.ui.pages.base import Page
from bbms_desktop.ui.tasks import run_task
from bbms_desktop.ui.widgets import MessageBar, local_text, render

GREEN, GREY, AMBER = "#1b5e20", "#616161", "#8a5a00"
TRAINERS = frozenset({Role.TRAINER, Role.QUALITY_ADMIN})


class TrainingPage(Page):
    page_id = "training"
    title_msg = QT_TRANSLATE_NOOP("Pages", "Training")
    needs = frozenset()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.progress: list[ExerciseProgress] = []
        self.summary: list[TraineeSummary] = []
        self.class_folder: Path | None = training.class_of(ctx.profile)
        outer = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size:15pt; font-weight:600;")
        outer.addWidget(self.heading)
        self.tabs = QTabWidget()
        outer.addWidget(self.tabs, 1)

        # --- exercises
        self.exercises_tab = QWidget()
        row = QHBoxLayout(self.exercises_tab)
        self.exercise_list = QListWidget()
        self.exercise_list.setObjectName("exercise_list")
        self.exercise_list.setFixedWidth(330)
        self.exercise_list.setStyleSheet("QListWidget::item{padding:8px 6px;}")
        self.exercise_list.currentRowChanged.connect(lambda _row: self._show_detail())
        row.addWidget(self.exercise_list)
        detail = QVBoxLayout()
        row.addLayout(detail, 1)
        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-size:14pt; font-weight:600;")
        self.who_label = QLabel()
        self.who_label.setStyleSheet("font-weight:600; color:#0d47a1;")
        self.brief_label = QLabel()
        self.brief_label.setWordWrap(True)
        self.brief_label.setStyleSheet("font-size:11pt; background:#fffde7; border:1px solid #ffe082; padding:8px;")
        self.started_label = QLabel()
        self.started_label.setStyleSheet(f"color:{GREY};")
        self.checklist_heading = QLabel()
        self.checklist_heading.setStyleSheet("font-weight:600; margin-top:6px;")
        for widget in (self.title_label, self.who_label, self.brief_label, self.started_label, self.checklist_heading):
            detail.addWidget(widget)
        self.steps_box = QVBoxLayout()
        detail.addLayout(self.steps_box)
        self.step_labels: list[QLabel] = []
        buttons = QHBoxLayout()
        self.start_button = QPushButton()
        self.start_button.setObjectName("start_exercise")
        self.start_button.clicked.connect(self.start)
        buttons.addWidget(self.start_button)
        buttons.addStretch()
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self.reset_mine)
        buttons.addWidget(self.reset_button)
        detail.addLayout(buttons)
        self.message = MessageBar()
        detail.addWidget(self.message)
        detail.addStretch()
        self.tabs.addTab(self.exercises_tab, "")

        # --- the class (the trainer's view)
        self.class_tab = QWidget()
        box = QVBoxLayout(self.class_tab)
        self.class_intro = QLabel()
        self.class_intro.setWordWrap(True)
        box.addWidget(self.class_intro)
        self.summary_table = QTableWidget()
        self.summary_table.setObjectName("class_summary")
        self.summary_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summary_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.summary_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.summary_table.verticalHeader().hide()
        box.addWidget(self.summary_table, 1)
        class_buttons = QHBoxLayout()
        self.refresh_class_button = QPushButton()
        self.refresh_class_button.clicked.connect(self.load_class)
        self.reset_trainee_button = QPushButton()
        self.reset_trainee_button.clicked.connect(self.reset_selected)
        self.reset_class_button = QPushButton()
        self.reset_class_button.clicked.connect(self.reset_all)
        for button in (self.refresh_class_button, self.reset_trainee_button, self.reset_class_button):
            class_buttons.addWidget(button)
        class_buttons.addStretch()
        box.addLayout(class_buttons)
        self.class_message = MessageBar()
        box.addWidget(self.class_message)
        self.tabs.addTab(self.class_tab, "")
        ctx.actor_changed.connect(self._show_class_tab)
        self._show_class_tab()

    @classmethod
    def visible_to(cls, ctx: AppContext) -> bool:
        return ctx.actor is not None and ctx.is_training

    def _is_trainer(self) -> bool:
        return self.ctx.actor is not None and self.ctx.actor.role in TRAINERS and self.class_folder is not None

    def _show_class_tab(self) -> None:
        self.tabs.setTabVisible(1, self._is_trainer())

    # --- texts ------------------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Training exercises: {trainee}").format(trainee=self.ctx.profile.name))
        self.tabs.setTabText(0, self.tr("Exercises"))
        self.tabs.setTabText(1, self.tr("Class summary"))
        self.checklist_heading.setText(self.tr("Checklist (checked from this sandbox's records)"))
        self.reset_button.setText(self.tr("Reset my sandbox…"))
        self.class_intro.setText(
            self.tr(
                "Every trainee's sandbox in this class, and which exercises each has finished. Reset puts a "
                "sandbox back exactly as the class template was; only training sandboxes are ever reset."
            )
        )
        self.refresh_class_button.setText(self.tr("Refresh"))
        self.reset_trainee_button.setText(self.tr("Reset selected trainee…"))
        self.reset_class_button.setText(self.tr("Reset the whole class…"))
        self._fill_list()
        self._show_detail()
        self._fill_summary()

    # --- loading ----------------------------------------------------------------------------------------------------

    def activated(self) -> None:
        self.ctx.load(self, training_views.progress, self._loaded)
        if self._is_trainer():
            self.load_class()

    def _loaded(self, progress: list[ExerciseProgress]) -> None:
        self.progress = progress
        self._fill_list()
        self._show_detail()

    def _fill_list(self) -> None:
        current = max(self.exercise_list.currentRow(), 0)
        self.exercise_list.blockSignals(True)
        self.exercise_list.clear()
        for item_progress in self.progress:
            if item_progress.finished:
                status, colour = self.tr("done"), GREEN
            elif item_progress.started_at is not None:
                status = self.tr("{done} of {total}").format(
                    done=item_progress.done_steps, total=len(item_progress.steps)
                )
                colour = AMBER
            else:
                status, colour = self.tr("not started"), GREY
            mark = "✓" if item_progress.finished else "○"
            item = QListWidgetItem(f"{mark} {render(item_progress.title)}  ({status})")
            item.setForeground(QBrush(QColor(colour)))
            item.setData(Qt.ItemDataRole.UserRole, item_progress.exercise_id)
            self.exercise_list.addItem(item)
        if self.progress:
            self.exercise_list.setCurrentRow(min(current, len(self.progress) - 1))
        self.exercise_list.blockSignals(False)

    def selected(self) -> ExerciseProgress | None:
        row = self.exercise_list.currentRow()
        return self.progress[row] if 0 <= row < len(self.progress) else None

    def select(self, exercise_id: str) -> None:
        ids = [p.exercise_id for p in self.progress]
        self.exercise_list.setCurrentRow(ids.index(exercise_id))

    def _show_detail(self) -> None:
        chosen = self.selected()
        for label in self.step_labels:  # out of the layout at once; deleted when the event loop gets to it
            self.steps_box.removeWidget(label)
            label.hide()
            label.deleteLater()
        self.step_labels = []
        self.start_button.setEnabled(chosen is not None)
        if chosen is None:
            for label in (self.title_label, self.who_label, self.brief_label, self.started_label):
                label.clear()
            self.start_button.setText(self.tr("Start this exercise"))
            return
        self.title_label.setText(render(chosen.title))
        self.who_label.setText(render(chosen.who))
        if chosen.brief is None:
            self.brief_label.setText(
                self.tr("Start the exercise: its scenario (the donor, the bag or the patient) is made for you now.")
            )
            self.started_label.setText(self.tr("Not started."))
            self.start_button.setText(self.tr("Start this exercise"))
        else:
            self.brief_label.setText(render(chosen.brief))
            when = local_text(chosen.started_at)
            self.started_label.setText(
                self.tr("Started {when}. Every step done: well done!").format(when=when)
                if chosen.finished
                else self.tr("Started {when}.").format(when=when)
            )
            self.start_button.setText(self.tr("Start again (a new scenario)"))
        for step in chosen.steps:
            label = QLabel(("✓  " if step.done else "○  ") + render(step.label))
            label.setObjectName("step_done" if step.done else "step_open")
            label.setStyleSheet(
                f"color:{GREEN}; font-weight:600; font-size:11pt;" if step.done else f"color:{GREY}; font-size:11pt;"
            )
            self.steps_box.addWidget(label)
            self.step_labels.append(label)

    # --- actions ----------------------------------------------------------------------------------------------------

    def start(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        self.start_button.setEnabled(False)
        exercise_id = chosen.exercise_id
        self.ctx.save(self, lambda uow: training.start_exercise(uow, exercise_id), self._started, self._failed)

    def _started(self, started: training.Started) -> None:
        self.start_button.setEnabled(True)
        title = render(training.exercise(started.exercise).title)
        said = self.tr("{title}: started. Follow the scenario; the steps tick here.")
        self.message.show_message(said.format(title=title))

    def _failed(self, error: Exception) -> None:
        self.start_button.setEnabled(True)
        self.message.show_error(error)

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Reset"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def reset_mine(self) -> None:
        if not self._confirm(
            self.tr("Put this sandbox back exactly as the class template was? Everything practised here goes.")
        ):
            return
        profile = self.ctx.profile
        run_task(self, lambda: training.reset_sandbox(profile), self._reset_done, self.message.show_error)

    def _reset_done(self, _done: object) -> None:
        self.message.show_message(self.tr("The sandbox is back to its initial state."))
        self.ctx.records_changed.emit("*")

    def load_class(self) -> None:
        folder = self.class_folder
        if folder is not None:
            summary = training_views.class_summary
            run_task(self, lambda: summary(folder), self._class_loaded, self.class_message.show_error)

    def _class_loaded(self, summary: list[TraineeSummary]) -> None:
        self.summary = summary
        self._fill_summary()

    def _fill_summary(self) -> None:
        table = self.summary_table
        exercises = training.EXERCISES
        table.setColumnCount(len(exercises) + 2)
        titles = [render(e.title) for e in exercises]
        table.setHorizontalHeaderLabels([self.tr("Trainee"), self.tr("Finished"), *titles])
        for col, title in enumerate(titles, start=2):
            header_item = table.horizontalHeaderItem(col)
            if header_item is not None:
                header_item.setToolTip(title)
        table.setRowCount(len(self.summary))
        for row, trainee in enumerate(self.summary):
            table.setItem(row, 0, QTableWidgetItem(trainee.name))
            table.setItem(row, 1, QTableWidgetItem(f"{trainee.finished} / {len(trainee.exercises)}"))
            for col, item_progress in enumerate(trainee.exercises, start=2):
                if item_progress.finished:
                    text, colour = "✓ " + self.tr("done"), GREEN
                elif item_progress.started_at is not None:
                    text = self.tr("{done} of {total}").format(
                        done=item_progress.done_steps, total=len(item_progress.steps)
                    )
                    colour = AMBER
                else:
                    text, colour = "—", GREY
                cell = QTableWidgetItem(text)
                cell.setForeground(QBrush(QColor(colour)))
                cell.setToolTip(render(item_progress.title))
                table.setItem(row, col, cell)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for col in (0, 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)

    def reset_selected(self) -> None:
        row = self.summary_table.currentRow()
        if not 0 <= row < len(self.summary):
            self.class_message.show_message(self.tr("Choose a trainee in the table first."), "warn")
            return
        trainee = self.summary[row]
        if not self._confirm(self.tr("Reset {name}'s sandbox to the class template?").format(name=trainee.name)):
            return
        path = trainee.path
        run_task(self, lambda: [training.reset_sandbox(path)], self._class_reset, self.class_message.show_error)

    def reset_all(self) -> None:
        folder = self.class_folder
        if folder is None or not self._confirm(
            self.tr("Reset every trainee's sandbox in this class to the class template?")
        ):
            return
        run_task(self, lambda: training.reset_class(folder), self._class_reset, self.class_message.show_error)

    def _class_reset(self, done: list[training.ResetDone]) -> None:
        names = ", ".join(d.name for d in done)
        self.class_message.show_message(self.tr("Reset to the initial state: {names}.").format(names=names))
        self.ctx.records_changed.emit("*")
        self.load_class()

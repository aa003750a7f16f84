"""The training commands of ``bbms-desktop`` (no Qt here):

bbms-desktop --training [--class DIR] [--trainee NAME]     open a sandbox (class and sandbox made when missing)
bbms-desktop training new-class --class DIR --trainees "Asha,Ravi" [--donors N] [--seed S]
bbms-desktop training add --class DIR --trainee NAME       one more sandbox from the class's template
bbms-desktop training reset --class DIR (--trainee NAME | --all)   back to the template's state, exactly
bbms-desktop training summary --class DIR                  who finished what, as JSON
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from bbms_desktop.errors import NotPermitted
from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.services.profile import DATABASE_FILE

DEFAULT_TRAINEE = "trainee"
TEMPLATE_NEVER_OPENED = QT_TRANSLATE_NOOP(
    "Training", "{path} is the class's pristine template: it is never opened. Open a trainee's sandbox instead."
)
OPEN_ONLY_SANDBOX = QT_TRANSLATE_NOOP(
    "Training", "--training opens only a training sandbox; {path} is not one (a real centre's profile, or empty)."
)


def add_options(parser: argparse.ArgumentParser, commands: Any) -> None:
    parser.add_argument("--training", action="store_true", help="open a training sandbox (never syncs)")
    parser.add_argument("--class", dest="training_class", type=Path, default=None, help="training class folder")
    parser.add_argument("--trainee", default=None, help=f"trainee's sandbox in the class (default {DEFAULT_TRAINEE})")
    training = commands.add_parser("training", help="training classes: sandboxes, reset, the trainer's summary")
    actions = training.add_subparsers(dest="training_command", metavar="ACTION", required=True)
    new = actions.add_parser("new-class", help="seed a class template with demo data and make each trainee's sandbox")
    new.add_argument("--trainees", default="", help="comma-separated trainee names")
    new.add_argument("--donors", type=int, default=None, help="demo donors in the template")
    new.add_argument("--seed", type=int, default=1)
    add = actions.add_parser("add", help="add a trainee's sandbox (from the pristine template)")
    reset = actions.add_parser("reset", help="restore sandboxes to the template's state")
    reset.add_argument("--all", action="store_true", help="every trainee of the class")
    summary = actions.add_parser("summary", help="who finished which exercise, as JSON")
    for action in (new, add, reset, summary):  # also after the action; SUPPRESS keeps a value given before it
        action.add_argument("--class", dest="training_class", type=Path, default=argparse.SUPPRESS)
        if action is not new:
            action.add_argument("--trainee", default=argparse.SUPPRESS)


def class_folder(args: argparse.Namespace) -> Path:
    from bbms_desktop.services import training

    return Path(args.training_class) if args.training_class else training.default_class_folder()


def window_profile(profile: Path | None, args: argparse.Namespace) -> Path:
    """The sandbox ``--training`` opens: ``--profile`` if it is one, else the class's trainee (made when missing)."""
    from bbms_desktop.services import training

    if profile is not None:
        flags = training.read_flags(profile / DATABASE_FILE)
        is_template = profile.name == training.TEMPLATE_DIR and training.is_class(profile.parent)
        if is_template:  # practice in the template would be copied into every sandbox made or reset from it
            raise NotPermitted(TEMPLATE_NEVER_OPENED(path=str(profile)), code="class_template")
        if flags is None or not flags.is_sandbox:
            raise NotPermitted(OPEN_ONLY_SANDBOX(path=str(profile)), code="not_a_sandbox")
        return profile
    folder = class_folder(args)
    if not training.is_class(folder):
        print(f"Seeding the training class in {folder} (once)…", file=sys.stderr)
    return training.ensure_sandbox(folder, args.trainee or DEFAULT_TRAINEE, progress=_progress).path


def run(_profile: Path, args: argparse.Namespace) -> int:
    from bbms_desktop.services import training, training_views

    folder = class_folder(args)
    action = args.training_command
    out: Any
    if action == "new-class":
        names = tuple(name.strip() for name in args.trainees.split(",") if name.strip())
        made = training.create_class(
            folder, donors=args.donors or training.DEFAULT_DONORS, seed=args.seed, trainees=names, progress=_progress
        )
        out = {"class": str(folder), "trainees": [s.name for s in made]}
    elif action == "add":
        made_one = training.add_trainee(folder, args.trainee or DEFAULT_TRAINEE)
        out = {"class": str(folder), "trainee": made_one.name, "profile": str(made_one.path)}
    elif action == "reset":
        if args.all:
            done = training.reset_class(folder)
        else:
            done = [training.reset_sandbox(training.sandbox(folder, args.trainee or DEFAULT_TRAINEE).path)]
        out = {"class": str(folder), "reset": [d.name for d in done]}
    else:
        out = training_views.summary_json(folder, args.lang or "en")
    print(json.dumps(out, indent=2, ensure_ascii=False))
    return 0


def _progress(done: int, total: int) -> None:
    done = min(done, total)
    print(f"\r{done}/{total} demo donors", end="" if done < total else "\n", file=sys.stderr, flush=True)

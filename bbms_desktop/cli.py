"""The ``bbms-desktop`` command: opens the window, and the admin and scripting commands.

bbms-desktop [--profile DIR] [--lang en|hi]                open the window
bbms-desktop --profile DIR setup --code C --name N --fin F  set up a standalone centre (password on stdin)
bbms-desktop --profile DIR demo-data --donors N --seed S    build a realistic dataset through the services
bbms-desktop --profile DIR stats                            counts per entity and pending outbox ops, as JSON
bbms-desktop --profile DIR enrol --server URL --centre C --code E   enrol with the central server, pull the centre
bbms-desktop --profile DIR sync                             one sync cycle; JSON summary; exit 0 only when caught up
bbms-desktop --profile DIR screenshots --out DIR [--lang L] every page, filled with demo data, to PNG (offscreen)
bbms-desktop --training | training ACTION                  training sandboxes (see cli_training)
bbms-desktop --profile DIR prepare-camp --camp CODE         sync, take the camp's number blocks, check the laptop
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from platformdirs import user_data_dir

from bbms_desktop import cli_training
from bbms_desktop.errors import DomainError
from bbms_desktop.i18n import LANGUAGES
from bbms_desktop.rules.vocabulary import CentreKind


def default_profile() -> Path:
    return Path(user_data_dir("bbms-desktop", appauthor=False)) / "default"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bbms-desktop", description="Offline-first blood centre management.")
    parser.add_argument(
        "--profile",
        type=Path,
        default=None,
        help=f"profile folder (database, backups, settings); default {default_profile()}",
    )
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help="language of the window and messages")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    setup = commands.add_parser("setup", help="set up this installation for its centre (password read from stdin)")
    setup.add_argument("--code", required=True)
    setup.add_argument("--name", required=True)
    setup.add_argument("--kind", choices=[k.value.replace("_", "-") for k in CentreKind], default="blood-centre")
    setup.add_argument("--fin", help="ISBT 128 facility identification number (5 characters)")
    setup.add_argument("--licence", help="drug licence number printed on labels")
    setup.add_argument("--district")
    setup.add_argument("--state")
    setup.add_argument("--admin-username", default="admin")
    setup.add_argument("--admin-name", default="Administrator")
    setup.add_argument("--training", action="store_true", help="a training sandbox (never syncs to production)")

    demo = commands.add_parser("demo-data", help="build a realistic dataset through the services")
    demo.add_argument("--donors", type=int, default=1000)
    demo.add_argument("--seed", type=int, default=1)

    commands.add_parser("stats", help="print counts per entity and pending outbox ops as JSON")

    enrol = commands.add_parser("enrol", help="enrol this profile with the central server (device secret to keyring)")
    enrol.add_argument("--server", required=True, help="the central server's address, e.g. https://central.example")
    enrol.add_argument("--centre", required=True, help="the centre's code on the server")
    enrol.add_argument("--code", required=True, help="the one-time enrolment code the server's admin gave you")

    commands.add_parser("sync", help="run one sync cycle and print a JSON summary")

    camp = commands.add_parser("prepare-camp", help="make this enrolled profile the laptop of a camp (needs a link)")
    camp.add_argument("--camp", required=True, help="the camp's code, e.g. DL-AIIMS-C260001")

    shots = commands.add_parser("screenshots", help="render every page, filled with demo data, to PNG (offscreen)")
    shots.add_argument("--out", type=Path, required=True, help="folder for login.png and <page>.png")
    shots.add_argument("--lang", dest="screenshot_lang", choices=LANGUAGES, default=None, help="language of the pages")
    shots.add_argument("--donors", type=int, default=300, help="demo donors to build when the profile is empty")
    shots.add_argument("--seed", type=int, default=1)
    cli_training.add_options(parser, commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    profile = args.profile or default_profile()
    language = args.lang or ("hi" if os.environ.get("LANG", "").startswith("hi") else "en")
    if args.command is None:
        from bbms_desktop.ui.app import run  # Qt only when a window is wanted

        if args.training:
            try:
                profile = cli_training.window_profile(args.profile, args)
            except DomainError as error:
                print(error.render(language), file=sys.stderr)
                return 2
        return run(profile, args.lang)
    try:
        return COMMANDS[args.command](profile, args)
    except DomainError as error:
        print(error.render(language), file=sys.stderr)
        return 2


def _setup(profile: Path, args: argparse.Namespace) -> int:
    from bbms_desktop.services import accounts
    from bbms_desktop.services.profile import open_profile

    password = getpass.getpass("Administrator password: ") if sys.stdin.isatty() else sys.stdin.readline().strip()
    db = open_profile(profile)
    try:
        centre, _admin = accounts.set_up_standalone(
            db,
            code=args.code,
            name=args.name,
            kind=CentreKind(args.kind.replace("-", "_")),
            fin=args.fin,
            licence_number=args.licence,
            district=args.district,
            state=args.state,
            admin_username=args.admin_username,
            admin_name=args.admin_name,
            admin_password=password,
            is_training=args.training,
        )
    finally:
        db.dispose()
    print(json.dumps({"centre": centre.code, "id": str(centre.id), "profile": str(profile)}))
    return 0


def _demo_data(profile: Path, args: argparse.Namespace) -> int:
    from bbms_desktop.services.demo_data import build
    from bbms_desktop.services.profile import open_profile

    db = open_profile(profile)
    try:
        report = build(db, donors=args.donors, seed=args.seed, progress=_progress)
    finally:
        db.dispose()
    print(json.dumps(report, indent=2))
    return 0


def _progress(done: int, total: int) -> None:
    print(f"\r{done}/{total} donors", end="" if done < total else "\n", file=sys.stderr, flush=True)


def _stats(profile: Path, _args: argparse.Namespace) -> int:
    from bbms_desktop.services import stats
    from bbms_desktop.services.profile import open_profile

    db = open_profile(profile)
    try:
        with db.read() as session:
            print(json.dumps(stats.counts(session), indent=2))
    finally:
        db.dispose()
    return 0


def _enrol(profile: Path, args: argparse.Namespace) -> int:
    from bbms_desktop.sync.client import enrol

    enrolled = enrol(profile, args.server, args.centre, args.code)
    print(
        json.dumps(
            {"device_id": enrolled.device_id, "centre": enrolled.centre_code, **enrolled.summary.as_json()}, indent=2
        )
    )
    return 0 if enrolled.summary.caught_up else 1


def _sync(profile: Path, _args: argparse.Namespace) -> int:
    from bbms_desktop.sync.client import sync_once

    summary = sync_once(profile)
    print(json.dumps(summary.as_json(), indent=2))
    return 0 if summary.caught_up else 1


def _prepare_camp(profile: Path, args: argparse.Namespace) -> int:
    from bbms_desktop.services.profile import open_profile
    from bbms_desktop.sync.camp import prepare_camp
    from bbms_desktop.sync.client import transport_for

    db = open_profile(profile)
    try:
        ready = prepare_camp(db, transport_for(db, profile), args.camp)
    finally:
        db.dispose()
    print(json.dumps(ready.as_json(), indent=2, default=str))
    return 0 if ready.ready else 1


def _screenshots(profile: Path, args: argparse.Namespace) -> int:
    from bbms_desktop.ui.screenshots import render_all  # Qt only for this command

    written = render_all(
        profile,
        args.out,
        args.screenshot_lang or args.lang or "en",
        donors=args.donors,
        seed=args.seed,
        log=lambda line: print(line, file=sys.stderr),
    )
    print(json.dumps({"out": str(args.out), "pages": [path.stem for path in written]}))
    return 0


COMMANDS = {
    "setup": _setup,
    "demo-data": _demo_data,
    "stats": _stats,
    "enrol": _enrol,
    "sync": _sync,
    "screenshots": _screenshots,
    "training": cli_training.run,
    "prepare-camp": _prepare_camp,
}

if __name__ == "__main__":
    sys.exit(main())

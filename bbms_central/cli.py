"""``bbms-central``: set up the central database, add centres, enrolment codes and users, and serve the API.

Every command prints JSON on stdout; a refusal prints one clear line on stderr and exits with status 2, having saved
nothing. The database is ``--database URL`` (SQLite file path or URL, or ``postgresql://user@host:port/db``), else
``$BBMS_CENTRAL_DATABASE``, else a SQLite file in the user's data directory.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from bbms_central import admin
from bbms_central.auth import DEFAULT_TOKEN_TTL
from bbms_central.db import Database, SchemaNotReady, normalise_url, upgrade
from bbms_desktop.rules.roles import Role
from bbms_desktop.rules.teleconsult import Specialty
from bbms_desktop.rules.vocabulary import CentreKind

EXIT_REFUSED = 2


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        result = args.run(args)
    except (admin.AdminError, SchemaNotReady) as error:
        print(f"bbms-central: {error}", file=sys.stderr)
        return EXIT_REFUSED
    except SQLAlchemyError as error:
        print(f"bbms-central: database error: {str(error).splitlines()[0]}", file=sys.stderr)
        return EXIT_REFUSED
    if result is not None:
        print(json.dumps(result, indent=2))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bbms-central", description="The central sync server of bbms-desktop.")
    parser.add_argument(
        "--database",
        metavar="URL",
        help="SQLite path or URL, or postgresql://user@host:port/db (default: $BBMS_CENTRAL_DATABASE, "
        "else a SQLite file in the user data directory)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, run: Callable[[argparse.Namespace], Any], help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(run=run)
        return sub

    command("init", _init, "create the schema, or upgrade it to this version")

    centre = command("add-centre", _add_centre, "add a centre; prints its first one-time enrolment code")
    centre.add_argument("--code", required=True)
    centre.add_argument("--name", required=True)
    centre.add_argument("--fin", help="ISBT 128 facility identification number (5 characters)")
    centre.add_argument("--kind", required=True, choices=[k.value.replace("_", "-") for k in CentreKind])
    centre.add_argument("--training", action="store_true", help="a training sandbox (only training devices enrol)")
    centre.add_argument("--licence-number")
    centre.add_argument("--district")
    centre.add_argument("--state")

    enrolment = command("new-enrolment", _new_enrolment, "another one-time enrolment code for a centre")
    enrolment.add_argument("--centre", required=True, metavar="CODE")

    user = command("add-user", _add_user, "add a user of a centre; the password is read from stdin (one line)")
    user.add_argument("--centre", required=True, metavar="CODE")
    user.add_argument("--username", required=True)
    user.add_argument("--role", required=True, choices=[r.value for r in Role])
    user.add_argument("--full-name")
    user.add_argument("--registration-number")
    user.add_argument(
        "--specialty",
        action="append",
        default=[],
        choices=[s.value for s in Specialty],
        help="a hub doctor's teleconsultation specialty (repeat for several)",
    )

    serve = command("serve", _serve, "serve the HTTP API (one worker by default; SIGTERM shuts down cleanly)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8470)
    serve.add_argument("--token-ttl", type=int, default=DEFAULT_TOKEN_TTL, metavar="SECONDS")
    serve.add_argument(
        "--workers", type=int, default=1, help="worker processes (PostgreSQL; SQLite serves best with one)"
    )
    return parser


def _database(args: argparse.Namespace) -> Database:
    database = Database(args.database)
    database.check_schema()
    return database


def _init(args: argparse.Namespace) -> dict[str, Any]:
    revision = upgrade(args.database)
    return {"database": _safe_url(normalise_url(args.database)), "schema_revision": revision}


def _add_centre(args: argparse.Namespace) -> dict[str, Any]:
    database = _database(args)
    try:
        with database.write() as session:
            return admin.add_centre(
                session,
                code=args.code,
                name=args.name,
                kind=args.kind,
                fin=args.fin,
                training=args.training,
                licence_number=args.licence_number,
                district=args.district,
                state=args.state,
            )
    finally:
        database.dispose()


def _new_enrolment(args: argparse.Namespace) -> dict[str, Any]:
    database = _database(args)
    try:
        with database.write() as session:
            return admin.new_enrolment(session, centre_code=args.centre)
    finally:
        database.dispose()


def _add_user(args: argparse.Namespace) -> dict[str, Any]:
    password = sys.stdin.readline().rstrip("\r\n")
    database = _database(args)
    try:
        with database.write() as session:
            return admin.add_user(
                session,
                centre_code=args.centre,
                username=args.username,
                role=args.role,
                password=password,
                full_name=args.full_name,
                registration_number=args.registration_number,
                specialties=args.specialty,
            )
    finally:
        database.dispose()


def _serve(args: argparse.Namespace) -> None:
    import uvicorn

    from bbms_central.app import DATABASE_ENV, TOKEN_TTL_ENV, create_app

    # uvicorn handles SIGTERM and SIGINT: stop accepting, finish the requests in flight, run the lifespan shutdown
    if args.workers <= 1:
        app = create_app(args.database, token_ttl=args.token_ttl, serving=True)
        uvicorn.run(app, host=args.host, port=args.port, workers=1, log_level="info")
        return
    # several processes: each builds its app from the environment (uvicorn starts them from an import string)
    os.environ[DATABASE_ENV] = normalise_url(args.database)
    os.environ[TOKEN_TTL_ENV] = str(args.token_ttl)
    uvicorn.run(
        "bbms_central.app:app_from_environment",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level="info",
    )


def _safe_url(url: str) -> str:
    """The URL without a password."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


if __name__ == "__main__":
    sys.exit(main())

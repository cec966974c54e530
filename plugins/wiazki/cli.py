"""`wiazki`: validate content, scaffold a bundle, compare revisions, manage the TERYT register and the schemas.

Exit codes: 0 no errors, 1 errors found, 2 the command could not run.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from wiazki.clock import TodayError, today
from wiazki.format.fields import hint
from wiazki.format.ids import is_id
from wiazki.format.schema import schema_text
from wiazki.format.teryt import RegisterError, import_register, load_register
from wiazki.new_bundle.check import new_bundle_errors
from wiazki.new_bundle.scaffold import NewBundle, bundle_yaml
from wiazki.safetext import one_line
from wiazki.validation import reporting
from wiazki.validation.problems import ERROR
from wiazki.validation.validator import ContentDirError, validate_content

EXIT_OK, EXIT_PROBLEMS, EXIT_CANNOT_RUN = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that says what is wrong in Polish and exits with 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"wiazki: błąd wywołania: {message}\n")
        raise SystemExit(EXIT_CANNOT_RUN)


class UsageError(ValueError):
    """The command was called wrongly (exit 2); the message is Polish."""


def _changed_files(content_dir: str, base: str | None) -> set[str]:
    """The files a pull request changes (`--base`), or none when not asked or not known."""
    if not base:
        return set()
    from wiazki.revisions.git import GitError, changed_files

    try:
        return changed_files(Path(content_dir), base)
    except GitError as exc:
        sys.stderr.write(f"wiazki: nie ustalono zmienionych plików ({exc}); adnotacje w kolejności plików\n")
        return set()


def _validate(args: argparse.Namespace) -> int:
    try:
        result = validate_content(Path(args.content_dir), today=today())
    except ContentDirError as exc:
        sys.stderr.write(f"wiazki: {exc}\n")
        return EXIT_CANNOT_RUN
    problems = result.problems
    if args.format == "json":
        print(reporting.as_json(problems, result.files))
    elif args.format == "github":
        changed = _changed_files(args.content_dir, args.base)
        _, hidden = reporting.annotated(problems, changed)
        for line in reporting.github(problems, changed):
            print(line)
        print(reporting.summary_line(problems, result.files))
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_file:
            with open(summary_file, "a", encoding="utf-8") as handle:
                handle.write(reporting.step_summary(problems, result.files, hidden))
    else:
        for line in reporting.human(problems):
            print(line)
        print(reporting.summary_line(problems, result.files))
    failing = any(p.severity == ERROR for p in problems) or (args.strict and problems)
    return EXIT_PROBLEMS if failing else EXIT_OK


def _not_utf8(args: argparse.Namespace) -> str | None:
    """The first text option of `wiazki new` that is not valid UTF-8 (os.fsdecode keeps
    such bytes as lone surrogates, which no file can hold), as its option name."""
    values = [("id", args.id), ("--title", args.title), ("--facilitator", args.facilitator)]
    values += [("--territory", v) for v in args.territory] + [("--group", v) for v in args.group or []]
    for option, value in values:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return option
    return None


def _new(args: argparse.Namespace) -> int:
    content = Path(args.content_dir)
    bad = _not_utf8(args)
    if bad:
        sys.stderr.write(
            f"wiazki: wartość {bad} nie jest poprawnym tekstem UTF-8 (sprawdź kodowanie terminala "
            "lub skopiuj ją ponownie); nie utworzono pliku\n"
        )
        return EXIT_CANNOT_RUN
    target = content / "bundles" / f"{args.id}.yml"
    if not is_id(args.id):
        sys.stderr.write(
            f"wiazki: „{args.id}” nie jest poprawnym identyfikatorem (małe litery a–z, cyfry, łączniki, 3–64 znaki)\n"
        )
        return EXIT_CANNOT_RUN
    if target.exists():
        sys.stderr.write(f"wiazki: plik {target} już istnieje; wybierz inny identyfikator\n")
        return EXIT_CANNOT_RUN
    register = load_register()
    text = bundle_yaml(
        NewBundle(
            id=args.id,
            title=args.title,
            facilitator=args.facilitator,
            territory=list(args.territory),
            reviewed=today(),
            groups=list(args.group or []),
        )
    )
    # The validator's own messages and suggestions for what the arguments would make;
    # nothing is written unless the file would pass.
    errors = new_bundle_errors(text, args.id, content, register, today())
    if errors:
        sys.stderr.write("wiazki: nie utworzono pliku, bo wiązka z tymi argumentami miałaby błędy:\n")
        for line in dict.fromkeys(reporting.message_line(problem) for problem in errors):
            sys.stderr.write(f"  {line}\n")
        return EXIT_CANNOT_RUN
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"Utworzono {target}. Sprawdź go poleceniem: wiazki validate {content}")
    return EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    from wiazki.revisions.diff import compute_diff, render_markdown, render_text
    from wiazki.revisions.git import GitError, relative_to_repo, toplevel

    try:
        repo = toplevel(Path.cwd())
        content = relative_to_repo(repo, Path(args.content_dir))
        diff = compute_diff(repo, args.base, args.head, content, from_merge_base=args.merge_base)
    except GitError as exc:
        sys.stderr.write(f"wiazki: {exc}\n")
        return EXIT_CANNOT_RUN
    sys.stdout.write(render_markdown(diff) if args.format == "markdown" else render_text(diff))
    return EXIT_OK


def _issue_to_bundle(args: argparse.Namespace) -> int:
    from wiazki.new_bundle.issue_pr import main as issue_main

    return issue_main(
        args.event or os.environ.get("GITHUB_EVENT_PATH"), args.content_dir, load_register(), today(), args.open_pr
    )


def _teryt_import(args: argparse.Namespace) -> int:
    source = Path(args.file)
    try:
        target, register = import_register(source)
    except FileNotFoundError:
        sys.stderr.write(f"wiazki: nie ma pliku {source}\n")
        return EXIT_CANNOT_RUN
    except (RegisterError, UnicodeDecodeError) as exc:
        sys.stderr.write(f"wiazki: {source} nie jest plikiem TERC: {exc}\n")
        return EXIT_CANNOT_RUN
    print(f"Zapisano rejestr TERYT ze stanem na {register.date} ({len(register.units)} jednostek) w {target}.")
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    out = Path(args.write) if args.write else None
    stale = []
    for kind in ("bundle", "partner"):
        text = schema_text(kind)
        if out is None:
            print(text, end="")
            continue
        path = out / f"{kind}.schema.json"
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path))
        else:
            out.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if stale:
        sys.stderr.write(f"wiazki: nieaktualne schematy: {', '.join(stale)}; uruchom: wiazki schema --write {out}\n")
        return EXIT_PROBLEMS
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="wiazki", description="Katalog wiązek usług społecznych: walidacja i narzędzia.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser, metavar="POLECENIE")

    validate = commands.add_parser("validate", help="sprawdź pliki wiązek i partnerów")
    validate.add_argument(
        "content_dir", nargs="?", default="content", metavar="CONTENT_DIR", help="folder treści (domyślnie content/)"
    )
    validate.add_argument("--format", choices=("human", "github", "json"), default="human", help="format wyniku")
    validate.add_argument("--strict", action="store_true", help="ostrzeżenia też kończą się kodem 1")
    validate.add_argument(
        "--base",
        metavar="REV",
        help="z --format github: najpierw adnotacje plików zmienionych względem rewizji REV (pull request)",
    )
    validate.set_defaults(run=_validate)

    new = commands.add_parser("new", help="utwórz nową wiązkę na etapie odkrywania")
    new.add_argument("id", help="identyfikator, np. seniorzy-kramsk")
    new.add_argument("--title", required=True, help=hint("bundle", "title"))
    new.add_argument("--facilitator", required=True, help="identyfikator OWES z content/partners/")
    new.add_argument("--territory", required=True, action="append", help="kod TERYT (można podać kilka razy)")
    new.add_argument("--group", action="append", help="grupa docelowa, np. older_persons (można podać kilka razy)")
    new.add_argument("--content-dir", default="content", help="folder treści (domyślnie content/)")
    new.set_defaults(run=_new)

    diff = commands.add_parser("diff", help="porównaj wiązki i partnerów między dwiema rewizjami git")
    diff.add_argument("base", metavar="BASE", help="rewizja bazowa (gałąź, tag lub SHA)")
    diff.add_argument("head", metavar="HEAD", help="rewizja ze zmianami")
    diff.add_argument("--content-dir", default="content", help="folder treści (domyślnie content/)")
    diff.add_argument(
        "--format",
        choices=("text", "markdown"),
        default="text",
        help="text (terminal) lub markdown (podsumowanie zadania w GitHub Actions)",
    )
    diff.add_argument(
        "--merge-base",
        action="store_true",
        help="porównaj od miejsca, w którym HEAD odgałęził się od BASE (zmiany samego pull requesta)",
    )
    diff.set_defaults(run=_diff)

    issue = commands.add_parser(
        "issue-to-bundle", help="utwórz plik wiązki ze zgłoszenia „Nowa wiązka” (w GitHub Actions)"
    )
    issue.add_argument("--event", help="plik JSON zdarzenia issues (domyślnie $GITHUB_EVENT_PATH)")
    issue.add_argument("--content-dir", default="content", help="folder treści (domyślnie content/)")
    issue.add_argument(
        "--open-pr", action="store_true", help="utwórz gałąź, commit i pull request (gh), a problemy opisz w komentarzu"
    )
    issue.set_defaults(run=_issue_to_bundle)

    teryt = commands.add_parser("teryt", help="rejestr TERYT")
    teryt_commands = teryt.add_subparsers(
        dest="teryt_command", required=True, parser_class=_Parser, metavar="POLECENIE"
    )
    teryt_import = teryt_commands.add_parser(
        "import", help="zastąp dołączony rejestr plikiem TERC_Urzedowy_RRRR-MM-DD.csv z GUS"
    )
    teryt_import.add_argument("file", metavar="FILE")
    teryt_import.set_defaults(run=_teryt_import)

    schema = commands.add_parser("schema", help="wypisz lub zapisz schematy JSON")
    schema.add_argument("--write", metavar="DIR", help="zapisz bundle.schema.json i partner.schema.json w DIR")
    schema.add_argument("--check", action="store_true", help="z --write: sprawdź tylko, czy pliki są aktualne")
    schema.set_defaults(run=_schema)
    return parser


class _Stderr(logging.Handler):
    """The core's warnings and errors (the `wiazki` logger tree) on the current stderr, as "wiazki: …"."""

    def emit(self, record: logging.LogRecord) -> None:
        sys.stderr.write(f"wiazki: {one_line(record.getMessage())}\n")


def _log_to_stderr() -> None:
    core = logging.getLogger("wiazki")
    if not any(isinstance(handler, _Stderr) for handler in core.handlers):
        core.addHandler(_Stderr(logging.WARNING))


def main(argv: list[str] | None = None) -> int:
    _log_to_stderr()
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except (UsageError, TodayError) as exc:
        sys.stderr.write(f"wiazki: {exc}\n")
        return EXIT_CANNOT_RUN
    except (OSError, ValueError) as exc:
        sys.stderr.write(f"wiazki: nie udało się wykonać polecenia: {exc}\n")
        return EXIT_CANNOT_RUN
    except Exception as exc:
        sys.stderr.write(
            f"wiazki: błąd wewnętrzny ({type(exc).__name__}); to błąd programu, nie treści – zgłoś go, "
            "podając plik, który go wywołał\n"
        )
        return EXIT_CANNOT_RUN


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

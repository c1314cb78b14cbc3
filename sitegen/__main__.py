"""``python -m sitegen COMMAND``: the site's build steps, one command each (`make` runs them).

Every problem is reported on one line, naming the file and what to write instead, and the exit
status is 1; no command prints a traceback for a mistake in the data.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from sitegen import accessibility
from sitegen.content import CONTENT_DIR, Content, ContentError, load_content


def _print_problems(problems: list[str], where: str = "content/") -> None:
    print(f"{len(problems)} problem(s) in {where}:", file=sys.stderr)
    for problem in problems:
        print(f"  - {problem}", file=sys.stderr)


def _summary(content: Content) -> str:
    return (
        f"{len(content.documents)} documents, {len(content.meetings)} meetings, "
        f"{len(content.minutes)} sets of minutes, {len(content.reports)} reports, "
        f"{len(content.action_plans)} action plans "
        f"({sum(len(p.actions) for p in content.action_plans.values())} actions), "
        f"{len(content.indicators)} indicators ({len(content.points)} points), "
        f"{len(content.glossary)} glossary entries; "
        f"{sum(len(f.follow_ups) for f in content.follow_ups.values())} follow-ups from "
        f"{len(content.follow_ups)} meetings, "
        f"{sum(len(p.updates) for p in content.progress.values())} later reports on earlier records"
    )


def validate(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    folder = getattr(args, "content", None) or CONTENT_DIR
    if not folder.is_dir():
        print(f"validate: {folder} is not a folder", file=sys.stderr)
        return 1
    try:
        content = load_content(folder)
        statement = folder / "accessibility" / "statement.yaml"
        if folder == CONTENT_DIR or statement.exists():
            accessibility.load_statement(statement)
            results = folder / "accessibility" / "test-results.json"
            if results.exists():
                accessibility.load_results(results)
    except ContentError as exc:
        _print_problems(exc.problems)
        return 1
    print(f"content OK: {_summary(content)} (checked in {time.perf_counter() - started:.1f} s)")
    return 0


def pages(args: argparse.Namespace) -> int:
    from sitegen.chartcache import forget_unused
    from sitegen.generated import GeneratedTree, GenerationError
    from sitegen.pagestep import run_pages_step  # imports Bokeh and Panel: keep `validate` fast

    started = time.perf_counter()
    try:
        site, changes = run_pages_step()
    except ContentError as exc:
        _print_problems(exc.problems)
        return 1
    except GenerationError as exc:
        print(f"make pages: {exc}", file=sys.stderr)
        return 1
    forget_unused()
    tree = GeneratedTree.for_docs()
    print(f"pages: {len(site.pages)} pages and {len(site.assets)} assets generated into "
          f"{tree.root.relative_to(tree.root.parents[1])}/ ({len(changes.written)} files written, "
          f"{len(changes.removed)} removed) in {time.perf_counter() - started:.1f} s")
    return 0


def serve(args: argparse.Namespace) -> int:
    from sitegen.devserver import serve as run_server

    host, _, port = args.dev_addr.rpartition(":")
    return run_server(host or "127.0.0.1", int(port))


def csp(args: argparse.Namespace) -> int:
    from sitegen.csp import apply

    done = apply(args.site)
    print(f"csp: one policy on all {done.pages} pages ({done.hashes} inline scripts allowed by hash, "
          f"{done.changed} pages updated)")
    return 0


def check(args: argparse.Namespace) -> int:
    from sitegen.checksite import check_site, expected_outputs
    from sitegen.generated import GeneratedTree

    docs = GeneratedTree.for_docs().pages
    if not docs.is_dir():
        print("check: run `make pages` first: docs/_generated/ is missing", file=sys.stderr)
        return 1
    problems = check_site(args.site, expected_outputs(docs))
    if problems:
        _print_problems(problems, f"{args.site}/")
        return 1
    print(f"check: {args.site}/ has every expected page, and every internal link and anchor resolves")
    return 0


def compare(args: argparse.Namespace) -> int:
    from sitegen.compare import compare_sites

    count, problems = compare_sites(args.first, args.second)
    if problems:
        _print_problems(problems, f"the comparison of {args.first}/ and {args.second}/")
        return 1
    print(f"compare: {args.first}/ and {args.second}/ have the same {count} pages, each with the same "
          "heading, anchors, acronyms, table rows and charts")
    return 0


def schemas(args: argparse.Namespace) -> int:
    from sitegen.schemas import link_files, write_schemas

    changed = write_schemas(CONTENT_DIR)
    linked = link_files(CONTENT_DIR)
    print(f"schemas: {len(changed)} schema(s) in content/schemas/ rewritten, {len(linked)} content "
          "file(s) given their schema line")
    return 0


def new(args: argparse.Namespace) -> int:
    from sitegen import scaffold

    try:
        if args.kind == "meeting":
            written = scaffold.new_meeting(CONTENT_DIR, args.date, args.report or [], args.pack)
        elif args.kind == "progress":
            written = scaffold.new_progress(CONTENT_DIR, args.doc)
        elif args.kind == "report":
            written = scaffold.new_report(CONTENT_DIR, args.id, args.meeting, args.item)
        else:
            written = scaffold.new_plan(CONTENT_DIR, args.id, args.report)
    except scaffold.ScaffoldError as exc:
        print(f"new {args.kind}: {exc}", file=sys.stderr)
        return 2
    print("Written:", *written.files, sep="\n  ")
    for note in written.notes:
        print(f"Then: {note}")
    print("Next: replace every TODO (make validate lists them with their lines), then make serve to look.")
    return 0


def _existing_dir(value: str) -> Path:
    path = Path(value)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"{value} is not a folder (build the site first)")
    return path


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m sitegen", description=__doc__)
    sub = main.add_subparsers(dest="command")
    command = sub.add_parser("validate", help="check every file in content/ (the default)")
    command.add_argument("--content", type=Path, help="the folder to check (default: content/)")
    command.set_defaults(run=validate)
    sub.add_parser("pages", help="generate the pages into docs/_generated/ for the builder"
                   ).set_defaults(run=pages)
    command = sub.add_parser("serve", help="build and serve the site, rebuilding what an edit affects")
    command.add_argument("--dev-addr", default="127.0.0.1:8000", help="host:port (default %(default)s)")
    command.set_defaults(run=serve)
    command = sub.add_parser("csp", help="put the site-wide Content-Security-Policy on every built page")
    command.add_argument("site", type=_existing_dir)
    command.set_defaults(run=csp)
    command = sub.add_parser("check", help="check a built site: expected pages, links and anchors")
    command.add_argument("site", type=_existing_dir)
    command.set_defaults(run=check)
    command = sub.add_parser("compare", help="compare two builds page by page")
    command.add_argument("first", type=_existing_dir)
    command.add_argument("second", type=_existing_dir)
    command.set_defaults(run=compare)
    command = sub.add_parser("schemas", help="write content/schemas/ from sitegen/schema.py and link "
                             "every content file to its schema")
    command.set_defaults(run=schemas)
    command = sub.add_parser("new", help="start a meeting, report, plan or progress file with every "
                             "required field")
    kinds = command.add_subparsers(dest="kind", required=True)
    meeting = kinds.add_parser("meeting", help="a meeting (its pack, its previous meeting's minutes)")
    meeting.add_argument("date", help="YYYY-MM-DD")
    meeting.add_argument("--report", action="append", metavar="ID",
                         help="a report on its agenda (repeat for each paper)")
    meeting.add_argument("--pack", type=Path, metavar="FILE",
                         help="the pack's plain-text file: its name and SHA-256 go in documents.yaml")
    report = kinds.add_parser("report", help="a report")
    report.add_argument("id")
    report.add_argument("--meeting", metavar="YYYY-MM-DD", help="the meeting it was presented to")
    report.add_argument("--item", type=int, help="its agenda item's number")
    plan = kinds.add_parser("plan", help="an action plan")
    plan.add_argument("id")
    plan.add_argument("--report", metavar="ID", help="the report it belongs to")
    progress = kinds.add_parser("progress", help="what a new document says about earlier records")
    progress.add_argument("doc", help="the document's id in documents.yaml, e.g. pack-2023-11-14")
    command.set_defaults(run=new)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    run = getattr(args, "run", validate)
    result: int = run(args)
    return result


if __name__ == "__main__":
    sys.exit(main())

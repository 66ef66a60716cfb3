"""The `bahth` command line."""

import argparse
import json
import sys

from indexer.arabic import analyze, normalize


def cmd_analyze(args):
    """Show how text is normalised and analysed (the tokens as indexed and queried)."""
    text = " ".join(args.text) if args.text else sys.stdin.read()
    if args.json:
        print(json.dumps({"normalized": normalize(text), "tokens": analyze(text)},
                         ensure_ascii=False))
    else:
        print(normalize(text))
        print(" ".join(analyze(text)))
    return 0


def build_parser():
    parser = argparse.ArgumentParser(
        prog="bahth", description="Search engine for an Arabic news archive.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    analyze_parser = commands.add_parser(
        "analyze", help=cmd_analyze.__doc__, description=cmd_analyze.__doc__)
    analyze_parser.add_argument("text", nargs="*", help="text to analyse (default: standard input)")
    analyze_parser.add_argument("--json", action="store_true", help="print JSON")
    analyze_parser.set_defaults(handler=cmd_analyze)
    return parser


def main(argv=None):
    args = build_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())

import sys

from reader.interrupt import EXIT_STATUS, Interrupted, install

install()  # before the slower imports, so an early Ctrl-C is no traceback either
try:
    from reader.cli import main
except Interrupted:
    sys.stderr.write("reader: interrupted.\n")
    raise SystemExit(EXIT_STATUS) from None

main()

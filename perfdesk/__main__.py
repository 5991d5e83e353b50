import sys

from perfdesk.cli import main

sys.exit(main())

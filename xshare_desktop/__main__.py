import sys

from xshare_desktop.cli.main import main

sys.exit(main())

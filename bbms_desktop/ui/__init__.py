"""Qt widgets only: windows, pages, table models and the one background-task helper. Decisions live below.

The database stack (SQLAlchemy and the models, Qt-free) is imported here, before Qt is: once PySide6 is loaded, its
import hook reads the source of every module imported after it (looking for ``__feature__`` switches), which costs
the window's cold start a fifth of a second for SQLAlchemy's few hundred modules.
"""

import bbms_desktop.services.profile  # noqa: F401  (before PySide6: see above)

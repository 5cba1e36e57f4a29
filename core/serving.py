"""Running one of the small HTTP servers (the wall feed, the Open311 endpoint) until told to stop."""
from __future__ import annotations

import threading
from socketserver import BaseServer


def serve_until(server: BaseServer, stop_event: threading.Event | None, *, name: str) -> None:
    """Serve ``server`` until ``stop_event`` is set (or the process is interrupted), then close it."""
    if stop_event is not None:
        threading.Thread(target=lambda: (stop_event.wait(), server.shutdown()), daemon=True,
                         name=f"{name}-stop").start()
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()

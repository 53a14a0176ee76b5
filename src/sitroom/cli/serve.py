"""`sitroom serve`: the HTTP API and the dashboard."""

from __future__ import annotations

import argparse

from sitroom import config as config_mod
from sitroom.cli import add_db_option
from sitroom.errors import SitroomError
from sitroom.store import default_url


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("serve", help="serve the API and the dashboard")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on")
    p.add_argument("--port", type=int, default=8000, help="port to listen on")
    add_db_option(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from sitroom.serve.api import create_app
    except ImportError as exc:
        raise SitroomError("the service is not installed: pip install 'sitroom[serve]'") from exc
    cfg = config_mod.load()
    app = create_app(default_url(args.db), cfg)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0

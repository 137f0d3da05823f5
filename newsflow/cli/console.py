"""Where the CLI writes: human output (rich) to stderr, machine output (JSON) to stdout, and error exits."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from newsflow.errors import InputError, NewsflowError

err = Console(stderr=True, highlight=False)
F = TypeVar("F", bound=Callable[..., Any])


class _State:
    debug = False


state = _State()


def print_json(value: Any) -> None:
    """One JSON document on stdout."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()


def fail(message: str, *, code: int = 1) -> typer.Exit:
    """Print a one-line reason on stderr and return the exit to raise."""
    err.print(f"[bold red]error:[/] {escape(message)}", soft_wrap=True)
    return typer.Exit(code)


def handles_errors(command: F) -> F:
    """Turn newsflow errors into a one-line reason and exit code (2 for bad input, 1 otherwise)."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except InputError as exc:
            if state.debug:
                raise
            raise fail(f"{exc.message} [{exc.code}]", code=2) from None
        except NewsflowError as exc:
            if state.debug:
                raise
            raise fail(f"{exc.message} [{exc.code}]", code=1) from None
        except Exception as exc:
            if state.debug:
                raise
            raise fail(f"{type(exc).__name__}: {exc} (run with --debug for the traceback)", code=1) from None

    return wrapper  # type: ignore[return-value]

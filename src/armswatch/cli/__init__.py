"""Command line interface: a thin skin over the library."""

from armswatch.cli import (
    evaluating,  # noqa: F401
    extracting,  # noqa: F401  (each module registers its commands)
    register,  # noqa: F401
)
from armswatch.cli.app import main

__all__ = ["main"]

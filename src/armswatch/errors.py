"""One base exception with specific subclasses, so callers catch what they mean."""


class Error(Exception):
    """Base class of every error armswatch raises on purpose."""


class InputError(Error):
    """An input could not be read: missing, empty, binary, mis-encoded, malformed, unreachable."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ExtractionError(Error):
    """The NLP stage could not run (model missing, lexicon malformed)."""


class StoreError(Error):
    """The database could not be opened, migrated, read or written."""


class EvaluationError(Error):
    """A gold file is malformed."""

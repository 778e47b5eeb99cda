"""Domain exceptions of the planning core.

The core raises these; only the edges translate them (CLI exit code and message, HTTP problem+json,
Slack friendly reply, tool error result). Every error has a stable ``code``, a human ``message`` and
optional ``details`` (a list of strings, e.g. ``file:row: column: problem``).
"""

from __future__ import annotations

from collections.abc import Sequence


class SopError(Exception):
    """Base class of every error a user may see."""

    code = "error"

    def __init__(self, message: str, details: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.details = list(details)

    def to_dict(self) -> dict:
        return {"code": self.code, "message": self.message, "details": self.details}


class ContractError(SopError):
    """A folder of CSVs breaks the data contract; ``details`` lists every problem."""

    code = "contract_violation"


class NoData(SopError):
    """The store holds nothing for the question (empty store, missing optional table, empty scope)."""

    code = "no_data"


class NotFound(SopError):
    """A named thing (forecast version, approval, job) does not exist."""

    code = "not_found"


class UnknownProduct(SopError):
    """A SKU, product name or family did not resolve; carries the closest matches."""

    code = "unknown_product"

    def __init__(self, query: str, closest: Sequence[str] = (), kind: str = "product") -> None:
        self.query = query
        self.closest = list(closest)
        self.kind = kind
        hint = f"; closest: {', '.join(self.closest)}" if self.closest else ""
        super().__init__(f"no {kind} '{query}'{hint}", self.closest)


class AmbiguousProduct(SopError):
    """A name matches several products or families equally well; the caller must choose."""

    code = "ambiguous"

    def __init__(self, query: str, candidates: Sequence[str], options: Sequence[dict] = ()) -> None:
        self.query = query
        self.candidates = list(candidates)
        self.options = list(options)  # [{"label", "value"}]: what a question back offers
        super().__init__(
            f"'{query}' could mean several things: {', '.join(self.candidates)}; which one?",
            self.candidates,
        )


class Cancelled(SopError):
    """Someone stopped a long run (a re-forecast) before it finished; nothing was saved."""

    code = "cancelled"


class InvalidArgument(SopError):
    """An argument is malformed (a period that is not a month, a negative horizon, ...)."""

    code = "invalid_argument"


class PermissionDenied(SopError):
    """The caller's role does not allow the action."""

    code = "permission_denied"


class Conflict(SopError):
    """The action conflicts with the store's state (publishing a published version, ...)."""

    code = "conflict"


class Busy(SopError):
    """A bounded resource (the job queue) is full; try again after ``retry_after`` seconds."""

    code = "busy"

    def __init__(self, message: str, retry_after: int = 30, details: Sequence[str] = ()) -> None:
        super().__init__(message, details)
        self.retry_after = int(retry_after)


class StoreUnavailable(SopError):
    """The plan store's database does not answer (a PostgreSQL server down, a wrong host or password)."""

    code = "store_unavailable"

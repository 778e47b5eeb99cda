"""The offline router: reads a chat message into the tool call an LLM would make (``route``).

Light on purpose (pandas, rapidfuzz and the standard library only): ``sop ask`` starts in well under 3 s.
"""

from assistant.router.parse import RoutedCall, route
from assistant.router.reading import question_language

__all__ = ["RoutedCall", "question_language", "route"]

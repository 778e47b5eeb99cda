"""The planning core's use cases: store reads + engine calls + one document per question.

The CLI's ``--json``, the assistant's tools and the HTTP API all call these functions, so the same
question gives the same document everywhere.
"""

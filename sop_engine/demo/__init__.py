"""A reproducible demo company: every file of the data contract plus a year of S&OP meeting notes.

``write_demo_company(out_dir, seed=7, planning_date=date(2026, 11, 15), theme="beverages")`` writes the
folder; themes (``beverages``, ``hardware``) change only the names, never the structure.
"""

from sop_engine.demo.themes import THEMES
from sop_engine.demo.writer import DemoSummary, build_model, write_demo_company

__all__ = ["THEMES", "DemoSummary", "build_model", "write_demo_company"]

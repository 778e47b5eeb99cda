"""The demo company's product master and the roles designed into it.

The structure is the same for every theme: 5 families x 6 items x 2 variants plus one new product; family 1
is bought, the others are made. Some positions carry a designed role (a shortage with a reason a planner
recognises, a discontinued or new product, intermittent demand); ``DemoModel`` holds everything the
table builders and the notes share.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from sop_engine.demo.themes import Theme

BOUGHT_FAMILY = 1
# family index -> line index (into the flattened plant lines) for variant 0 and variant 1
PRIMARY_LINE = {0: (0, 1), 2: (2, 2), 3: (3, 3), 4: (4, 4)}
# family index -> alternative line index for items that can run elsewhere (variant 0, variant 1)
ALTERNATIVE_LINE = {0: (1, 0), 2: (1, 1), 3: (4, 4), 4: (3, 3)}
ITEMS_WITH_ALTERNATIVE = (1, 4)
INTERMITTENT_ITEMS = (4, 5)  # variant 1 of these items, in every family

# Designed roles: (family, item, variant) -> role
SHORT_ALLOCATED = "short_allocated"
SHORT_LATE_PO = "short_late_po"
SHORT_PROMO = "short_promo"
PAST_DUE_MO = "past_due_mo"
DISCONTINUED = "discontinued"
NEW = "new"
OVERPLANNED = "overplanned"  # the sales plan is ~40% above what history supports
ROLE_POSITIONS = {
    (0, 0, 0): SHORT_ALLOCATED,
    (1, 0, 0): SHORT_LATE_PO,
    (2, 0, 0): SHORT_PROMO,
    (3, 0, 0): PAST_DUE_MO,
    (3, 5, 0): DISCONTINUED,
    (0, 1, 0): OVERPLANNED,
    (3, 1, 0): OVERPLANNED,
    (4, 0, 0): OVERPLANNED,
}
SHORT_REASONS = {
    SHORT_ALLOCATED: "most of the stock on hand is allocated to a key customer",
    SHORT_LATE_PO: "its main purchase order was pushed out by the supplier and lands late",
    SHORT_PROMO: "a promotion in the horizon lifts demand above the planned supply",
}
HISTORY_MONTHS = 39
DISCONTINUED_MONTHS_AGO = 6  # last month with sales, counted back from the current month
NEW_PRODUCT_MONTHS = 4  # months of history of the new product
FUTURE_PROMO_OFFSET = 2  # the short promotion falls in the current month + 2
FAMILY_PROMO_OFFSET = 5  # a family-wide promotion later in the horizon
FAMILY_PROMO_FAMILY = 4


@dataclass
class Sku:
    code: str
    name: str
    family: str
    family_index: int
    item: int
    variant: int
    sourcing: str  # make / buy
    plant: str
    level: float  # mean monthly units at the end of the history, before seasonality
    growth: float  # yearly trend
    price: float
    cost: float
    lead_time_days: int
    min_order_qty: float
    uom: str
    status: str = "active"
    role: str = ""
    intermittent: bool = False
    primary_line: str | None = None
    alternative_line: str | None = None
    safety_stock: float = 0.0


@dataclass
class DemoModel:
    theme: Theme
    seed: int
    planning_date: date
    current: date  # the month holding the planning date
    skus: list[Sku]
    hist_months: list[date] = field(default_factory=list)
    history: dict[str, list[float | None]] = field(default_factory=dict)  # None = no row that month
    events: list[dict] = field(default_factory=list)
    tables: dict[str, list[dict]] = field(default_factory=dict)
    facts: dict = field(default_factory=dict)  # what the notes and the summary need to know

    def rng(self, part: int) -> np.random.Generator:
        """An independent generator per part, so changing one part leaves the others' numbers alone.

        The theme salts the seed: two themes get different numbers, so nothing can lean on the demo's figures.
        """
        return np.random.default_rng([self.seed, part, zlib.crc32(self.theme.key.encode())])

    def sku(self, code: str) -> Sku:
        return next(s for s in self.skus if s.code == code)

    def by_role(self, role: str) -> list[Sku]:
        return [s for s in self.skus if s.role == role]

    def one(self, role: str) -> Sku:
        return self.by_role(role)[0]

    @property
    def lines(self) -> list[tuple[str, str]]:
        """(line, plant) for every production line, plant by plant."""
        return [(line, plant.name) for plant in self.theme.plants for line in plant.lines]

    def person(self, role: str) -> str:
        return self.theme.people[role]


def build_catalog(theme: Theme, rng: np.random.Generator) -> list[Sku]:
    lines = [line for plant in theme.plants for line in plant.lines]
    plant_of = {line: plant.name for plant in theme.plants for line in plant.lines}
    skus: list[Sku] = []
    for f, family in enumerate(theme.families):
        for item in range(len(family.items) + (1 if f == 0 else 0)):
            for v, variant in enumerate(family.variants):
                is_new = item == len(family.items)
                if is_new and v == 1:
                    continue
                name = (theme.new_item[1] if is_new else family.items[item][1]) + " " + variant.label
                skus.append(_sku(theme, rng, f, item, v, name.strip(), lines, plant_of, is_new))
    return skus


def _sku(theme, rng, f, item, v, name, lines, plant_of, is_new) -> Sku:
    family = theme.families[f]
    variant = family.variants[v]
    buy = f == BOUGHT_FAMILY
    intermittent = v == 1 and item in INTERMITTENT_ITEMS
    level = float(np.exp(rng.uniform(np.log(700), np.log(4200)))) * variant.volume_factor
    if intermittent:
        level = float(rng.uniform(35, 140))
    if item == 0:
        level *= 1.6  # the family's best seller
    price = round(family.price * variant.price_factor * float(rng.uniform(0.9, 1.15)), 2)
    role = ROLE_POSITIONS.get((f, item, v), "")
    status = "new" if is_new else ("discontinued" if role == DISCONTINUED else "active")
    primary = alternative = None
    if not buy:
        primary = lines[PRIMARY_LINE[f][v]]
        if item in ITEMS_WITH_ALTERNATIVE:
            alternative = lines[ALTERNATIVE_LINE[f][v]]
    batch = 100 if level > 400 else 10
    moq = max(batch, round(level * (0.5 if buy else 0.25) / batch) * batch)
    return Sku(
        code=theme.sku_code(f, item, v),
        name=name,
        family=family.name,
        family_index=f,
        item=item,
        variant=v,
        sourcing="buy" if buy else "make",
        plant=theme.plants[0].name if buy else plant_of[primary],
        level=level * (0.7 if is_new else 1.0),
        growth=-0.3 if role == DISCONTINUED else float(rng.uniform(-0.06, 0.18)),
        price=price,
        cost=round(price * float(rng.uniform(0.45, 0.62)), 2),
        lead_time_days=int(rng.integers(28, 43)) if buy else int(rng.integers(7, 15)),
        min_order_qty=float(moq),
        uom=family.uom,
        status=status,
        role=NEW if is_new else role,
        intermittent=intermittent,
        primary_line=primary,
        alternative_line=alternative,
    )

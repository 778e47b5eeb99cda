"""Vocabularies of the demo companies: names only, no numbers logic.

Every theme has the same shape (5 families of 6 items x 2 variants, 2 plants with 3 + 2 lines, the same
roles of people), so the generator's structure is shared and only the words differ. The family order
matters: family 1 is bought from suppliers, the others are made on the lines (see ``catalog.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sop_engine.errors import InvalidArgument


@dataclass(frozen=True)
class Variant:
    code: str  # goes into the SKU code
    label: str  # goes into the product name
    volume_factor: float  # units sold relative to variant 0
    price_factor: float  # unit price relative to variant 0


@dataclass(frozen=True)
class Family:
    name: str
    code: str  # short family code (used by code formats such as "{fam}-{num}")
    items: tuple[tuple[str, str], ...]  # (stem, name) x 6
    variants: tuple[Variant, Variant]
    price: float  # unit price of variant 0
    season_peak: int  # calendar month of the seasonal peak
    season_amplitude: float  # 0.3 = peak 30% above the mean month
    uom: str = "units"


@dataclass(frozen=True)
class Plant:
    name: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Theme:
    key: str
    company: str
    currency: str
    sku_format: str  # fields: fam, stem, var, num
    families: tuple[Family, ...]
    new_item: tuple[str, str]  # (stem, name) of the product launched a few months ago, in family 0
    plants: tuple[Plant, Plant]
    people: dict[str, str]  # role -> full name
    suppliers: tuple[str, ...]
    customers: tuple[str, ...]
    promotions: tuple[str, ...]  # a promotion name per calendar month, January first
    holidays: tuple[tuple[str, int, int, int], ...]  # (name, month, day, length in days)
    kpis: tuple[
        tuple[str, str, float, float, float, int], ...
    ]  # metric, unit, start, drift/month, sd, decimals
    channel_words: tuple[str, str] = ("retail", "online")

    def sku_code(self, family_index: int, item_index: int, variant_index: int) -> str:
        family = self.families[family_index]
        stem = self.new_item[0] if item_index >= len(family.items) else family.items[item_index][0]
        num = (family_index + 1) * 1000 + (item_index + 1) * 10 + variant_index
        return self.sku_format.format(
            fam=family.code, stem=stem, var=family.variants[variant_index].code, num=num
        )


ROLES = (
    "gm",
    "finance",
    "sales",
    "marketing",
    "demand",
    "supply",
    "procurement",
    "plant0",
    "plant1",
    "product",
    "service",
)

BEVERAGES = Theme(
    key="beverages",
    company="Brightwater Drinks Co.",
    currency="EUR",
    sku_format="{stem}-{var}",
    families=(
        Family(
            "Cold Brew",
            "CB",
            (
                ("CBO", "Cold Brew Original"),
                ("CBV", "Cold Brew Vanilla"),
                ("CBM", "Cold Brew Mocha"),
                ("CBC", "Cold Brew Caramel"),
                ("CBD", "Cold Brew Decaf"),
                ("CBN", "Nitro Cold Brew"),
            ),
            (Variant("1L", "1L", 1.0, 1.0), Variant("250", "250ml Can", 1.5, 0.38)),
            price=4.2,
            season_peak=7,
            season_amplitude=0.3,
        ),
        Family(
            "Plant Milks",
            "PM",
            (
                ("OAT", "Oat Milk"),
                ("ALM", "Almond Milk"),
                ("SOY", "Soy Milk"),
                ("COC", "Coconut Milk"),
                ("RIC", "Rice Drink"),
                ("PEA", "Pea Milk"),
            ),
            (Variant("1L", "1L", 1.0, 1.0), Variant("250", "250ml", 0.5, 0.4)),
            price=2.6,
            season_peak=1,
            season_amplitude=0.08,
        ),
        Family(
            "Sparkling Water",
            "SW",
            (
                ("SPN", "Sparkling Natural"),
                ("SPL", "Sparkling Lemon"),
                ("SPB", "Sparkling Berry"),
                ("SPG", "Sparkling Grapefruit"),
                ("SPC", "Sparkling Cucumber Mint"),
                ("SPM", "Sparkling Mango"),
            ),
            (Variant("1L", "1L", 1.0, 1.0), Variant("6PK", "6-Pack Cans", 0.4, 2.3)),
            price=1.3,
            season_peak=7,
            season_amplitude=0.35,
        ),
        Family(
            "Teas",
            "TE",
            (
                ("TGR", "Green Tea"),
                ("TBL", "Black Tea Lemon"),
                ("TPE", "Peach Iced Tea"),
                ("TMA", "Matcha Latte"),
                ("TCH", "Chai Latte"),
                ("THB", "Hibiscus Tea"),
            ),
            (Variant("500", "500ml", 1.0, 1.0), Variant("1L5", "1.5L", 0.45, 2.1)),
            price=1.9,
            season_peak=6,
            season_amplitude=0.2,
        ),
        Family(
            "Juices",
            "JU",
            (
                ("JOR", "Orange Juice"),
                ("JAP", "Apple Juice"),
                ("JMG", "Mango Nectar"),
                ("JGN", "Green Juice"),
                ("JCR", "Carrot Ginger Shot"),
                ("JBT", "Beetroot Juice"),
            ),
            (Variant("1L", "1L", 1.0, 1.0), Variant("330", "330ml", 0.9, 0.45)),
            price=2.9,
            season_peak=1,
            season_amplitude=0.15,
        ),
    ),
    new_item=("CBH", "Cold Brew Hazelnut"),
    plants=(Plant("Rotterdam", ("RTM-L1", "RTM-L2", "RTM-L3")), Plant("Lyon", ("LYN-L1", "LYN-L2"))),
    people={
        "gm": "David Okafor",
        "finance": "Claire Dubois",
        "sales": "Priya Shah",
        "marketing": "Sofia Lindqvist",
        "demand": "Marco Rossi",
        "supply": "Lan Nguyen",
        "procurement": "Kenji Watanabe",
        "plant0": "Tom Becker",
        "plant1": "Amélie Laurent",
        "product": "Hannah Weiss",
        "service": "Jonas Berg",
    },
    suppliers=("Nordic Oat Co-Packing", "Valle Verde Foods", "Hanse Dairy Alternatives"),
    customers=(
        "FreshMart",
        "Albert Heijn",
        "Carrefour Market",
        "Rewe",
        "CityDeli Group",
        "Ocado",
        "Jumbo",
        "Coop Nordic",
    ),
    promotions=(
        "New Year Detox",
        "Valentine's Treats",
        "Spring Refresh",
        "Easter Picnic",
        "Festival Season",
        "Summer Kick-Off",
        "Summer Splash",
        "Heatwave Deals",
        "Back to School",
        "World Coffee Day",
        "Black Friday Bundle",
        "Winter Warmers",
    ),
    holidays=(
        ("Christmas", 12, 24, 3),
        ("New Year", 1, 1, 1),
        ("Labour Day", 5, 1, 1),
        ("King's Day", 4, 27, 1),
    ),
    kpis=(
        ("web_conversion_rate", "%", 2.4, 0.03, 0.12, 2),
        ("cost_per_order", "EUR", 7.8, -0.05, 0.25, 2),
        ("online_sales", "EUR", 182000.0, 2500.0, 9000.0, 0),
    ),
)

HARDWARE = Theme(
    key="hardware",
    company="Ironbridge Tools & Supply",
    currency="USD",
    sku_format="{fam}-{num}",
    families=(
        Family(
            "Power Tools",
            "PT",
            (
                ("DRL", "Cordless Drill"),
                ("IMP", "Impact Driver"),
                ("CSW", "Circular Saw"),
                ("AGR", "Angle Grinder"),
                ("JIG", "Jigsaw"),
                ("SND", "Orbital Sander"),
            ),
            (Variant("S", "18V", 1.0, 1.0), Variant("K", "18V Kit", 0.45, 1.7)),
            price=89.0,
            season_peak=12,
            season_amplitude=0.25,
        ),
        Family(
            "Fasteners",
            "FS",
            (
                ("WSC", "Wood Screws"),
                ("DSC", "Drywall Screws"),
                ("HXB", "Hex Bolts"),
                ("WAN", "Wall Anchors"),
                ("CSC", "Concrete Screws"),
                ("DKS", "Deck Screws"),
            ),
            (Variant("B", "Box of 100", 1.0, 1.0), Variant("X", "Bulk 1000", 0.3, 7.5)),
            price=6.5,
            season_peak=5,
            season_amplitude=0.1,
            uom="boxes",
        ),
        Family(
            "Paint",
            "PA",
            (
                ("IMW", "Interior Matt White"),
                ("EXM", "Exterior Masonry Paint"),
                ("WSO", "Wood Stain Oak"),
                ("PRU", "Primer Undercoat"),
                ("GEN", "Gloss Enamel"),
                ("FLG", "Floor Paint Grey"),
            ),
            (Variant("2", "2.5L", 1.0, 1.0), Variant("10", "10L", 0.35, 3.4)),
            price=24.0,
            season_peak=5,
            season_amplitude=0.35,
            uom="cans",
        ),
        Family(
            "Hand Tools",
            "HT",
            (
                ("CLH", "Claw Hammer"),
                ("TPM", "Tape Measure 8m"),
                ("SPL", "Spirit Level 60cm"),
                ("UKN", "Utility Knife"),
                ("CPL", "Combination Pliers"),
                ("SDS", "Screwdriver Set"),
            ),
            (Variant("S", "Standard", 1.0, 1.0), Variant("P", "Pro", 0.4, 1.8)),
            price=14.0,
            season_peak=12,
            season_amplitude=0.15,
        ),
        Family(
            "Garden",
            "GD",
            (
                ("HOS", "Garden Hose 25m"),
                ("PRS", "Pruning Shears"),
                ("RAK", "Lawn Rake"),
                ("HDG", "Hedge Trimmer"),
                ("WHB", "Wheelbarrow"),
                ("WTC", "Watering Can"),
            ),
            (Variant("C", "Classic", 1.0, 1.0), Variant("XL", "XL", 0.4, 1.5)),
            price=29.0,
            season_peak=4,
            season_amplitude=0.4,
        ),
    ),
    new_item=("MLT", "Cordless Multi-Tool"),
    plants=(
        Plant("Dayton", ("DAY-ASM1", "DAY-ASM2", "DAY-MIX1")),
        Plant("Monterrey", ("MTY-FRG1", "MTY-MLD1")),
    ),
    people={
        "gm": "Rachel Thornton",
        "finance": "Victor Almeida",
        "sales": "Grant McAllister",
        "marketing": "Leila Haddad",
        "demand": "Owen Fitzgerald",
        "supply": "Mei Chen",
        "procurement": "Tomasz Nowak",
        "plant0": "Bill Harper",
        "plant1": "Lucía Ramírez",
        "product": "Nadia Petrova",
        "service": "Carlos Mendes",
    },
    suppliers=("Great Lakes Fastening", "Pacific Rim Hardware Ltd", "Keystone Metals"),
    customers=(
        "BuildRight Depot",
        "Lowell's Home Centers",
        "ProTrade Supply",
        "Acme Contractors",
        "HandyMart",
        "Northside Lumber",
        "Amazon Marketplace",
        "Sun Valley Co-op",
    ),
    promotions=(
        "New Year Workshop Sale",
        "Presidents' Day Deals",
        "Spring Fix-Up",
        "Garden Kick-Off",
        "Deck Season",
        "Father's Day Deals",
        "Summer Build",
        "Back to Projects",
        "Labor Day Blowout",
        "Fall Prep",
        "Pro Days",
        "Holiday Gift Guide",
    ),
    holidays=(
        ("Thanksgiving week", 11, 24, 5),
        ("Christmas", 12, 24, 3),
        ("Independence Day", 7, 4, 1),
        ("Memorial Day weekend", 5, 25, 3),
    ),
    kpis=(
        ("web_conversion_rate", "%", 1.8, 0.02, 0.1, 2),
        ("cost_per_order", "USD", 11.4, -0.04, 0.3, 2),
        ("return_rate", "%", 4.1, -0.02, 0.25, 2),
    ),
    channel_words=("stores", "e-commerce"),
)

THEMES: dict[str, Theme] = {t.key: t for t in (BEVERAGES, HARDWARE)}


def get_theme(theme: str) -> Theme:
    try:
        return THEMES[theme]
    except KeyError:
        raise InvalidArgument(
            f"theme: no demo theme '{theme}'; choose one of {', '.join(sorted(THEMES))}"
        ) from None

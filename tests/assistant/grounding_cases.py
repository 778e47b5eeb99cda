"""Hand-written answers over the demo company's real tool results (planning date 2026-11-15, seed 7), frozen
before the claim checker was written: each is a whole answer a planner could read, with whether every claim
in it is true of the tool results (``ok``) and, for false ones, what is wrong.

Each case: the tool and its arguments (run for real on the demo company), the question asked, the answer's
language, the answer, and ``ok``. The figures below were read off the documents by hand:
- check_shortages {} (2026-11..2027-02): OAT-1L Oat Milk 1L short 1,007.6 in 2026-11 and 2,537.2 in 2026-12
  (demand 1,529.6 a month, on hand 549, safety stock 770, stock 1,533.3 in 2027-01 after 5,600 received);
  CBO-1L Cold Brew Original 1L short 1,793 in 2026-11 and 3,981.9 in 2026-12, stockout probability 100%;
  CBC-250 short 478.2 in 2027-02 (probability 62.9%); SPN-1L short 43.9 in 2027-01; PEA-250 short 33.7 in
  2027-02; 5 products short of 61 checked; family Plant Milks short 2,537.2 in 2026-12.
- get_forecast OAT-1L: 1,529.6 a month 2026-11..2027-04 (80% interval 1,237.9-1,826.1 in 2026-11),
  1,338.9 in 2027-07.
- get_kpi wape: 12.28% over 2026-05..2026-10, 61 SKUs; revenue_vs_budget: 92.58%, actual revenue
  1,526,645.25 EUR, budget 1,649,000 EUR.
- reconcile_plan {} (2026-11..2027-05): Cold Brew statistical forecast 207,130.5, sales plan 198,920, revenue
  641,518.82 vs budget 693,100 (-7.4%); Juices sales plan 21,397 in 2026-11 (+35.3% vs forecast 15,819.5).
- list_decisions open: 8 open items; update the safety stock of COC-1L to 420 (Lan Nguyen, due 2026-10-15).
- search_meeting_notes "safety stock": the 2026-10-12 supply review cut COC-1L safety stock from 590 to 420 units.
"""

from __future__ import annotations

SHORT = ("check_shortages", {})
SHORT_DEC = ("check_shortages", {"period": "December 2026"})
FORECAST = ("get_forecast", {"product": "OAT-1L"})
WAPE = ("get_kpi", {"name": "wape"})
REVENUE = ("get_kpi", {"name": "revenue_vs_budget"})
RECONCILE = ("reconcile_plan", {})
DECISIONS = ("list_decisions", {"open_only": True})
NOTES = ("search_meeting_notes", {"query": "safety stock COC-1L cut"})


def case(call, question, language, answer, ok, why=""):
    return {"tool": call[0], "args": call[1], "question": question, "language": language, "answer": answer,
            "ok": ok, "why": why}


CASES = [
    # --- check_shortages: true -------------------------------------------------------------------------
    case(SHORT_DEC, "Are we short of oat milk in December 2026?", "en",
         "Yes — Oat Milk 1L is short 2,537 units in December 2026.", True),
    case(SHORT_DEC, "Are we short of oat milk in December 2026?", "en",
         "Yes. OAT-1L is short by about 2,500 units in December 2026; demand that month is 1,530 units.", True),
    case(SHORT, "what runs short?", "en",
         "5 products run short between November 2026 and February 2027. Cold Brew Original 1L is short "
         "1,793 units in November 2026 and 3,982 units in December 2026, with a stockout probability of 100%.",
         True),
    case(SHORT, "oat milk stock?", "en",
         "Oat Milk 1L has 549 units on hand against a safety stock of 770. After receiving 5,600 units in "
         "January 2027 its projected stock is 1,533 units.", True),
    case(SHORT, "what runs short?", "en",
         "Sparkling Natural 1L is short 43.9 units in 2027-01 and Pea Milk 250ml 33.7 units in 2027-02.", True),
    case(SHORT_DEC, "Có thiếu sữa yến mạch tháng 12/2026 không?", "vi",
         "Có — Oat Milk 1L thiếu 2.537 đơn vị trong tháng 12/2026.", True),
    case(SHORT_DEC, "Có thiếu sữa yến mạch tháng 12/2026 không?", "vi",
         "Có. OAT-1L thiếu khoảng 2,5 nghìn đơn vị vào tháng 12 năm 2026; nhu cầu tháng đó là 1.529,6 đơn vị.",
         True),
    case(SHORT, "sản phẩm nào bị thiếu?", "vi",
         "5 sản phẩm bị thiếu hàng. Cold Brew Original 1L thiếu 1.793 đơn vị trong tháng 11/2026, xác suất "
         "hết hàng 100%.", True),
    # --- check_shortages: false ------------------------------------------------------------------------
    case(SHORT_DEC, "Are we short of oat milk in December 2026?", "en",
         "Yes — Oat Milk 1L is short 2,537 units in August 2027.", False, "right number, wrong month"),
    case(SHORT, "Are we short of oat milk?", "en",
         "Oat Milk 1L is short 1,530 units in December 2026.", False, "the month's demand stated as its shortage"),
    case(SHORT_DEC, "How much oat milk is left?", "en",
         "Oat Milk 1L has 2,537 units left in stock in December 2026.", False, "a shortage stated as stock"),
    case(SHORT_DEC, "Are we short in December 2026?", "en",
         "Oat Milk 1L is short 12 units in December 2026.", False, "the 12 of 2026-12"),
    case(SHORT, "Are we short of the caramel can?", "en",
         "Cold Brew Caramel 250ml Can is short 250 units in February 2027.", False, "the 250 of the code CBC-250"),
    case(SHORT, "Are we short of oat milk?", "en",
         "Cold Brew Original 1L is short 2,537 units in December 2026.", False, "another product's figure"),
    case(SHORT, "Are we short of oat milk?", "en",
         "Oat Milk 1L is short 3,100 units in December 2026.", False, "an invented number"),
    case(SHORT, "Are we short of oat milk?", "en",
         "Oat Milk 1L is short by about 2,400 units in December 2026.", False, "rounded the wrong way"),
    case(SHORT_DEC, "Có thiếu sữa yến mạch tháng 12/2026 không?", "vi",
         "Có — Oat Milk 1L thiếu 2.537 đơn vị trong tháng 8/2027.", False, "wrong month (vi)"),
    case(SHORT_DEC, "Còn bao nhiêu sữa yến mạch?", "vi",
         "Oat Milk 1L còn tồn kho 2.537 đơn vị trong tháng 12/2026.", False, "shortage stated as stock (vi)"),
    case(SHORT, "Có thiếu không?", "vi",
         "Có 7 sản phẩm bị thiếu hàng.", False, "a wrong count"),
    # --- get_forecast ----------------------------------------------------------------------------------
    case(FORECAST, "forecast for oat milk", "en",
         "The forecast for Oat Milk 1L is 1,530 units a month from November 2026 to April 2027, falling to "
         "1,339 units in July 2027.", True),
    case(FORECAST, "forecast for oat milk", "en",
         "In November 2026 the OAT-1L forecast is 1,529.6 units (80% interval 1,238 – 1,826).", True),
    case(FORECAST, "dự báo sữa yến mạch", "vi",
         "Dự báo của Oat Milk 1L tháng 11/2026 là 1.530 đơn vị (khoảng 80%: 1.238 – 1.826).", True),
    case(FORECAST, "forecast for oat milk", "en",
         "The forecast for Oat Milk 1L is 1,339 units in November 2026.", False, "July's figure for November"),
    case(FORECAST, "forecast for oat milk", "en",
         "The forecast for Oat Milk 1L is 1,800 units in November 2026.", False, "an invented number"),
    case(FORECAST, "forecast for oat milk", "en",
         "In November 2026 the OAT-1L forecast is 1,530 units, with an upper bound of 1,238.", False,
         "lower bound stated as upper bound"),
    case(FORECAST, "dự báo sữa yến mạch", "vi",
         "Dự báo của Oat Milk 1L tháng 7/2027 là 1.530 đơn vị.", False, "wrong month (vi)"),
    # --- get_kpi ---------------------------------------------------------------------------------------
    case(WAPE, "forecast accuracy", "en",
         "WAPE over May–October 2026 is 12.3% across 61 SKUs.", True),
    case(WAPE, "forecast accuracy", "en", "Forecast error (WAPE) is about 12% for the last 6 months.", True),
    case(WAPE, "độ chính xác dự báo", "vi", "WAPE từ tháng 5 đến tháng 10/2026 là 12,3%, trên 61 SKU.", True),
    case(REVENUE, "revenue vs budget", "en",
         "Revenue is 92.6% of budget: 1,526,645 EUR against a budget of 1,649,000 EUR.", True),
    case(REVENUE, "revenue vs budget", "en", "Revenue was about 1.53M EUR against a budget of 1.65M EUR.", True),
    case(REVENUE, "doanh thu so với ngân sách", "vi",
         "Doanh thu đạt 92,6% ngân sách: 1,53 triệu EUR so với ngân sách 1,649 triệu EUR.", True),
    case(WAPE, "forecast accuracy", "en", "WAPE is 21.3% over the last 6 months.", False, "an invented number"),
    case(REVENUE, "revenue vs budget", "en", "Revenue was 1,649,000 EUR, against a budget of 1,526,645 EUR.",
         False, "revenue and budget swapped"),
    case(REVENUE, "doanh thu so với ngân sách", "vi", "Doanh thu đạt 95% ngân sách.", False,
         "an invented percentage (vi)"),
    # --- reconcile_plan --------------------------------------------------------------------------------
    case(RECONCILE, "reconcile the plan", "en",
         "Cold Brew: statistical forecast 207,130 units, sales plan 198,920 units; revenue 641,519 EUR vs "
         "budget 693,100 EUR (-7.4%).", True),
    case(RECONCILE, "reconcile the plan", "en",
         "For Juices in November 2026 the sales plan is 21,397 units, +35.3% above the statistical forecast "
         "of 15,820 units.", True),
    case(RECONCILE, "đối chiếu kế hoạch", "vi",
         "Cold Brew: doanh thu 641.519 EUR so với ngân sách 693.100 EUR (-7,4%).", True),
    case(RECONCILE, "reconcile the plan", "en",
         "Cold Brew: revenue 693,100 EUR vs budget 641,519 EUR.", False, "revenue and budget swapped"),
    case(RECONCILE, "reconcile the plan", "en",
         "Cold Brew revenue is 7.4% above budget: +7.4%.", False, "sign flip"),
    case(RECONCILE, "reconcile the plan", "en",
         "For Juices in December 2026 the sales plan is 21,397 units.", False, "wrong month"),
    # --- notes -----------------------------------------------------------------------------------------
    case(DECISIONS, "open action items", "en",
         "There are 8 open action items. Lan Nguyen is to update the safety stock of COC-1L to 420 in the "
         "ERP, due 15 October 2026.", True),
    case(DECISIONS, "việc còn mở", "vi",
         "Có 8 việc còn mở. Lan Nguyen cập nhật tồn kho an toàn của COC-1L thành 420, hạn 2026-10-15.", True),
    case(DECISIONS, "open action items", "en", "There are 11 open action items.", False, "a wrong count"),
    case(DECISIONS, "open action items", "en",
         "Lan Nguyen is to update the safety stock of COC-1L to 590 in the ERP.", False, "an invented target"),
    case(NOTES, "what did we decide about COC-1L safety stock?", "en",
         "The supply review of 12 October 2026 cut the safety stock of COC-1L from 590 to 420 units.", True),
    case(NOTES, "đã quyết định gì về tồn kho an toàn COC-1L?", "vi",
         "Họp cung ứng ngày 12/10/2026 đã giảm tồn kho an toàn của COC-1L từ 590 xuống 420 đơn vị.", True),
    case(NOTES, "what did we decide about COC-1L safety stock?", "en",
         "The supply review cut the safety stock of COC-1L from 590 to 320 units.", False, "an invented number"),
]

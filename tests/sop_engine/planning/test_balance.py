"""The balance arithmetic by hand, and its properties."""

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from sop_engine.planning import balance as bal


def test_hand_case_100_on_hand_30_due_in_month_2_demand_50_each():
    opening, receipts, demand = np.array([100.0]), np.array([[0, 30, 0.0]]), np.array([[50, 50, 50.0]])
    balance = bal.project(opening, receipts, demand)
    assert_allclose(balance, [[50, 30, -20]])
    assert_allclose(bal.shortage(balance), [[0, 0, 20]])
    assert_allclose(bal.total_shortage(balance), [20])
    assert bal.first_short_index(balance).tolist() == [2]
    assert_allclose(bal.below_safety_stock(balance, np.array([40.0])), [[0, 10, 60]])
    # runs out 0.6 of the way through month 3: 30 units left for 50 of demand
    assert_allclose(bal.months_of_cover(opening, receipts, demand, balance), [2.6])


def test_backorders_carry_over_and_total_shortage_is_the_peak_backlog():
    balance = bal.project(np.array([10.0]), np.array([[0, 0, 100, 0.0]]), np.array([[30, 30, 30, 30.0]]))
    assert_allclose(balance, [[-20, -50, 20, -10]])
    assert_allclose(bal.total_shortage(balance), [50])


def test_stockout_probability_by_hand():
    # sigma 10 a month: month 3 cumulative demand 150 (sd sqrt(300)) vs supply 130
    opening, receipts, demand = np.array([100.0]), np.array([[0, 30, 0.0]]), np.array([[50, 50, 50.0]])
    sigma = np.full((1, 3), 10.0)
    z = (150 - 130) / math.sqrt(300)
    expected = 0.5 * (1 + math.erf(z / math.sqrt(2)))  # Phi(1.1547) = 0.8759
    assert_allclose(bal.stockout_probability(opening, receipts, demand, sigma), [expected], rtol=1e-9)
    assert round(expected, 3) == 0.876


def test_sigma_from_the_80_and_95_intervals():
    sigma = bal.sigma_from_intervals(
        [100 - bal.Z80 * 10], [100 + bal.Z80 * 10], [100 - bal.Z95 * 12], [100 + bal.Z95 * 12]
    )
    assert_allclose(sigma, [11.0])  # the mean of 10 (80%) and 12 (95%)
    assert_allclose(bal.sigma_from_intervals([np.nan], [np.nan], [90.0], [110.0]), [10 / bal.Z95])
    assert_allclose(bal.sigma_from_intervals([np.nan], [np.nan], [np.nan], [np.nan]), [0.0])


def test_no_interval_makes_the_probability_certain():
    p = bal.stockout_probability(
        np.array([10.0, 100.0]), np.zeros((2, 1)), np.array([[20.0], [20.0]]), np.zeros((2, 1))
    )
    assert p.tolist() == [1.0, 0.0]


def test_cover_without_shortage_extends_at_average_demand_and_none_without_demand():
    opening, receipts, demand = np.array([100.0, 5.0]), np.zeros((2, 2)), np.array([[10, 30.0], [0, 0.0]])
    balance = bal.project(opening, receipts, demand)
    cover = bal.months_of_cover(opening, receipts, demand, balance)
    assert_allclose(cover[0], 2 + 60 / 20)
    assert np.isnan(cover[1])


quantities = st.floats(min_value=0, max_value=1e6, allow_nan=False)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 12).flatmap(
        lambda n: st.tuples(
            quantities,
            st.lists(quantities, min_size=n, max_size=n),
            st.lists(quantities, min_size=n, max_size=n),
        )
    )
)
def test_balance_properties(case):
    opening, receipts, demand = np.array([case[0]]), np.array([case[1]]), np.array([case[2]])
    balance = bal.project(opening, receipts, demand)
    # conservation: end balance = opening + all receipts - all demand
    assert_allclose(balance[0, -1], case[0] + sum(case[1]) - sum(case[2]), rtol=1e-9, atol=1e-6)
    # month by month: balance[t] = balance[t-1] + receipts[t] - demand[t]
    previous = np.concatenate([[case[0]], balance[0, :-1]])
    assert_allclose(balance[0], previous + receipts[0] - demand[0], rtol=1e-9, atol=1e-6)
    short = bal.shortage(balance)
    assert (short >= 0).all() and np.allclose(short - np.clip(-balance, 0, None), 0)
    # adding total_shortage in month 1 clears every shortage, and nothing less does
    extra = bal.total_shortage(balance)[0]
    fixed = bal.project(opening + extra, receipts, demand)
    assert (fixed >= -1e-6 * max(1.0, extra)).all()
    if extra > 1e-6:
        assert (bal.project(opening + extra * 0.99, receipts, demand) < 0).any()
    p = bal.stockout_probability(opening, receipts, demand, np.ones_like(demand))
    assert 0 <= p[0] <= 1

// Tumour growth rate (Ferté 2014) against hand-computed values, and the Champiat 2017 and
// Ferrara 2018 hyperprogression definitions on either side of their thresholds.
#include "engine/readout/hyperprogression.hpp"

#include <catch2/catch.hpp>

#include <cmath>

#include "engine/core/errors.hpp"
#include "engine/readout/calendar.hpp"

using namespace icbsim::readout;

namespace {

constexpr double kMonth = kDaysPerMonth;

// pre-baseline one month before baseline; first evaluation one month after. With one month per
// period TGR = 100·((D_t/D_0)^3 − 1), so ratios are chosen as cube roots of round numbers.
HyperprogressionInput one_month_periods(double pre_ratio, double on_ratio, bool pd = true) {
  HyperprogressionInput in;
  in.pre_baseline = {-kMonth, 50.0 / pre_ratio};
  in.baseline = {0.0, 50.0};
  in.first_evaluation = {kMonth, 50.0 * on_ratio};
  in.pd_at_first_evaluation = pd;
  return in;
}

bool flag(const HyperprogressionInput& in, HyperprogressionDefinition d) {
  return assess_hyperprogression(in, d).hyperprogression;
}

constexpr auto kChampiat = HyperprogressionDefinition::kChampiat2017;
constexpr auto kFerrara = HyperprogressionDefinition::kFerrara2018;

}  // namespace

TEST_CASE("TGR: hand-computed values", "[readout][hyperprogression]") {
  // 50 -> 60 mm in one month: 100·(1.2³ − 1) = 72.8 %/month.
  CHECK(tumour_growth_rate({0.0, 50.0}, {kMonth, 60.0}) == Approx(72.8).epsilon(1e-12));
  // Same growth over two months: 100·(1.2^1.5 − 1) = 31.4534138 %/month.
  CHECK(tumour_growth_rate({0.0, 50.0}, {2.0 * kMonth, 60.0}) == Approx(31.45341380).epsilon(1e-9));
  // Shrinkage 50 -> 40 mm in one month: 100·(0.8³ − 1) = −48.8 %/month.
  CHECK(tumour_growth_rate({10.0, 50.0}, {10.0 + kMonth, 40.0}) == Approx(-48.8).epsilon(1e-12));
  // 61 days = 2.0041068 months: TG = 3·0.0953102/2.0041068 = 0.1426723; TGR = 15.33518 %/month.
  CHECK(tumour_growth_rate({0.0, 50.0}, {61.0, 55.0}) == Approx(15.33518).epsilon(0).margin(5e-6));
  CHECK(tumour_growth_rate({0.0, 50.0}, {30.0, 50.0}) == 0.0);
  CHECK_THROWS_AS(tumour_growth_rate({0.0, 0.0}, {30.0, 50.0}), icbsim::Error);
  CHECK_THROWS_AS(tumour_growth_rate({30.0, 50.0}, {30.0, 60.0}), icbsim::Error);
}

TEST_CASE("Champiat 2017: TGR ratio >= 2", "[readout][hyperprogression]") {
  // pre 25 %/month (ratio³ = 1.25); on 50.25 vs 49.75 %/month -> TGR ratio 2.01 vs 1.99.
  const HyperprogressionInput above = one_month_periods(std::cbrt(1.25), std::cbrt(1.5025));
  const HyperprogressionResult r = assess_hyperprogression(above, kChampiat);
  CHECK(r.tgr_pre == Approx(25.0).epsilon(1e-12));
  CHECK(r.tgr_on == Approx(50.25).epsilon(1e-12));
  CHECK(r.tgr_ratio == Approx(2.01).epsilon(1e-12));
  CHECK(r.hyperprogression);
  CHECK(r.definition == kChampiat);
  CHECK_FALSE(flag(one_month_periods(std::cbrt(1.25), std::cbrt(1.4975)), kChampiat));
  // No RECIST PD at first evaluation: never hyperprogression.
  CHECK_FALSE(flag(one_month_periods(std::cbrt(1.25), std::cbrt(1.5025), false), kChampiat));
  // Shrinking before treatment, growing on it: ratio undefined, flagged (documented choice).
  const HyperprogressionResult turn = assess_hyperprogression(one_month_periods(0.9, 1.2), kChampiat);
  CHECK(std::isnan(turn.tgr_ratio));
  CHECK(turn.hyperprogression);
}

TEST_CASE("Ferrara 2018: delta TGR > 50 percentage points per month", "[readout][hyperprogression]") {
  // Stable before treatment (TGR 0); on treatment 50.1 vs 49.9 %/month.
  const HyperprogressionResult above = assess_hyperprogression(one_month_periods(1.0, std::cbrt(1.501)), kFerrara);
  CHECK(above.delta_tgr == Approx(50.1).epsilon(1e-12));
  CHECK(above.hyperprogression);
  CHECK_FALSE(flag(one_month_periods(1.0, std::cbrt(1.499)), kFerrara));
}

TEST_CASE("The two definitions disagree on the same patient", "[readout][hyperprogression]") {
  // pre 33.1 (1.1³ = 1.331), on 72.8: ratio 2.20 (Champiat yes), delta 39.7 (Ferrara no).
  const HyperprogressionInput slow_start = one_month_periods(1.1, 1.2);
  CHECK(flag(slow_start, kChampiat));
  CHECK_FALSE(flag(slow_start, kFerrara));
  // pre 119.7 (1.3³), on 237.5 (1.5³): ratio 1.98 (Champiat no), delta 117.8 (Ferrara yes).
  const HyperprogressionInput fast_start = one_month_periods(1.3, 1.5);
  const HyperprogressionResult c = assess_hyperprogression(fast_start, kChampiat);
  CHECK(c.tgr_ratio == Approx(237.5 / 119.7).epsilon(1e-12));
  CHECK_FALSE(c.hyperprogression);
  CHECK(flag(fast_start, kFerrara));
  CHECK(kHyperprogressionDefinitionNames.parse("ferrara2018") == kFerrara);
  CHECK(kHyperprogressionDefinitionNames.name(kChampiat) == "champiat2017");
}

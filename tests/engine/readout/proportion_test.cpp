// Wilson and Clopper-Pearson intervals against published and closed-form values; ORR and DCR.
#include "engine/readout/proportion.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "engine/core/errors.hpp"

using namespace icbsim::readout;

TEST_CASE("Wilson interval: 10/50 is 0.1124 to 0.3304", "[readout][proportion]") {
  // Hand computation: z = 1.959964, z²/n = 0.0768292, centre = 0.2384146/1.0768292 = 0.221405,
  // half-width = 1.820131·sqrt(0.0032 + 0.0003841) = 0.1089678 -> 0.1124375 to 0.3303711.
  const ProportionInterval w = wilson_interval(10, 50);
  CHECK(w.lower == Approx(0.1124).epsilon(0).margin(0.00005));
  CHECK(w.upper == Approx(0.3304).epsilon(0).margin(0.00005));
  CHECK(w.lower == Approx(0.1124375).epsilon(0).margin(5e-8));
  CHECK(w.upper == Approx(0.3303711).epsilon(0).margin(5e-8));
  // 0/10: lower 0, upper (z²/n)/(1 + z²/n) = 0.384146/1.384146 = 0.277533.
  const ProportionInterval zero = wilson_interval(0, 10);
  CHECK(zero.lower == Approx(0.0).epsilon(0).margin(1e-15));
  CHECK(zero.upper == Approx(0.277533).epsilon(0).margin(5e-7));
}

TEST_CASE("Clopper-Pearson interval: 10/50 is 0.1003 to 0.3372", "[readout][proportion]") {
  const ProportionInterval cp = clopper_pearson_interval(10, 50);
  CHECK(cp.lower == Approx(0.1003).epsilon(0).margin(0.00005));
  CHECK(cp.upper == Approx(0.3372).epsilon(0).margin(0.00005));
  // Closed forms at the edges: 0/n upper = 1 − (α/2)^(1/n); n/n lower = (α/2)^(1/n).
  const ProportionInterval none = clopper_pearson_interval(0, 10);
  CHECK(none.lower == 0.0);
  CHECK(none.upper == Approx(1.0 - std::pow(0.025, 0.1)).epsilon(1e-12));
  CHECK(none.upper == Approx(0.308497).epsilon(0).margin(5e-7));
  const ProportionInterval all = clopper_pearson_interval(10, 10);
  CHECK(all.lower == Approx(std::pow(0.025, 0.1)).epsilon(1e-12));
  CHECK(all.upper == 1.0);
}

TEST_CASE("ORR and DCR of best overall responses", "[readout][proportion]") {
  using R = Response;
  const std::vector<Response> best{R::kCR, R::kPR, R::kSD, R::kSD, R::kPD,
                                   R::kNE, R::kPR, R::kPD, R::kPD, R::kPD};
  const Proportion orr = objective_response_rate(best);
  CHECK(orr.successes == 3);
  CHECK(orr.trials == 10);  // NE stays in the denominator
  CHECK(orr.estimate == Approx(0.3).epsilon(1e-12));
  CHECK(orr.wilson.lower < orr.estimate);
  CHECK(orr.clopper_pearson.upper > orr.wilson.upper);  // exact interval is wider here
  const Proportion dcr = disease_control_rate(best);
  CHECK(dcr.successes == 5);
  CHECK(dcr.estimate == Approx(0.5).epsilon(1e-12));
  CHECK_THROWS_AS(objective_response_rate(std::vector<Response>{}), icbsim::Error);
  CHECK_THROWS_AS(binomial_proportion(11, 10), icbsim::Error);
}

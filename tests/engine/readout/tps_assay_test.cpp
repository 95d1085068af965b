// The baseline PD-L1 assay: binomial scoring of a finite number of tumour cells.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/core/errors.hpp"
#include "engine/readout/tps_assay.hpp"

using icbsim::readout::measured_tps_pct;

TEST_CASE("the TPS assay scores cells binomially around the true share", "[readout][tps]") {
  icbsim::RandomEngine rng = icbsim::random_stream(7, 0, icbsim::StreamPurpose::kAssay);
  // Certain outcomes are exact.
  CHECK(measured_tps_pct(0.0, 100, rng) == 0.0);
  CHECK(measured_tps_pct(100.0, 100, rng) == 100.0);
  // 100 cells at a true 30 %: mean 30 %, sd 100·sqrt(0.3·0.7/100) = 4.58 points.
  const int n = 20000;
  double sum = 0.0, sum2 = 0.0;
  for (int i = 0; i < n; ++i) {
    const double v = measured_tps_pct(30.0, 100, rng);
    CHECK(v == std::round(v));  // whole cells out of 100
    sum += v;
    sum2 += v * v;
  }
  const double mean = sum / n, sd = std::sqrt(sum2 / n - mean * mean);
  CHECK(mean == Approx(30.0).margin(0.15));  // 5 standard errors (0.032)
  CHECK(sd == Approx(4.583).epsilon(0.03));
  // More cells, less sampling error: 10,000 cells at 30 % lie within 2 points.
  for (int i = 0; i < 100; ++i) CHECK(std::abs(measured_tps_pct(30.0, 10000, rng) - 30.0) < 2.0);
}

TEST_CASE("the TPS assay refuses a non-finite share and zero cells", "[readout][tps]") {
  icbsim::RandomEngine rng = icbsim::random_stream(7, 0, icbsim::StreamPurpose::kAssay);
  CHECK_THROWS_AS(measured_tps_pct(std::nan(""), 100, rng), icbsim::Error);
  CHECK_THROWS_WITH(measured_tps_pct(10.0, 0, rng), Catch::Contains("scores no cells"));
}

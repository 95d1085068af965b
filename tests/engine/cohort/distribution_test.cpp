// Quantile functions of the population distributions, and correlation checks.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/cohort/distribution.hpp"
#include "engine/cohort/population.hpp"

using namespace icbsim::cohort;

TEST_CASE("quantiles of each distribution", "[cohort][distribution]") {
  CHECK(quantile({DistributionKind::kFixed, 3.0, 0.0, {}, {}}, 0.9) == 3.0);
  // Normal: the 97.5 % quantile is mean + 1.959964 sd.
  CHECK(quantile({DistributionKind::kNormal, 10.0, 2.0, {}, {}}, 0.975) == Approx(10.0 + 1.959964 * 2.0).epsilon(1e-6));
  // Log-normal by median and CV: median at u = 0.5; σ = sqrt(ln(1 + CV²)).
  const Distribution ln{DistributionKind::kLogNormal, 0.007, 0.5, {}, {}};
  CHECK(quantile(ln, 0.5) == Approx(0.007).epsilon(1e-12));
  CHECK(quantile(ln, 0.975) == Approx(0.007 * std::exp(1.959964 * std::sqrt(std::log(1.25)))).epsilon(1e-6));
  CHECK(quantile({DistributionKind::kUniform, 2.0, 4.0, {}, {}}, 0.25) == 2.5);
  CHECK(quantile({DistributionKind::kLogUniform, 1.0, 100.0, {}, {}}, 0.5) == Approx(10.0).epsilon(1e-12));
}

TEST_CASE("truncation keeps every quantile inside the bounds", "[cohort][distribution]") {
  const Distribution d{DistributionKind::kNormal, 0.0, 1.0, -0.5, 1.0};
  for (double u : {1e-9, 0.1, 0.5, 0.9, 1 - 1e-9}) {
    CHECK(quantile(d, u) >= -0.5 - 1e-12);
    CHECK(quantile(d, u) <= 1.0 + 1e-12);
  }
  // The median of the truncated normal is the quantile at the middle of [Φ(−0.5), Φ(1)].
  // Φ(−0.5) = 0.308538, Φ(1) = 0.841345: the median is Φ⁻¹((0.308538 + 0.841345)/2) = Φ⁻¹(0.574941).
  CHECK(quantile(d, 0.5) == Approx(0.188968).margin(1e-5));
}

TEST_CASE("bad distributions and correlation matrices are refused", "[cohort][distribution]") {
  CHECK_THROWS_WITH(validate({DistributionKind::kNormal, 0.0, -1.0, {}, {}}), Catch::Contains("positive sd"));
  CHECK_THROWS_WITH(validate({DistributionKind::kLogUniform, 0.0, 1.0, {}, {}}), Catch::Contains("0 < min < max"));
  Eigen::MatrixXd c(3, 3);
  c << 1, 0.9, 0.9, 0.9, 1, -0.9, 0.9, -0.9, 1;  // not positive definite
  CHECK_THROWS_WITH(correlation_factor(c), Catch::Contains("not positive definite"));
  c << 1, 0.5, 0, 0.5, 1, 0, 0, 0, 1;
  const Eigen::MatrixXd L = correlation_factor(c);
  CHECK((L * L.transpose() - c).norm() < 1e-12);
}

// Audit defect 5: bounds far out in a tail. A normal(0.18, 0.01) above 0.28 (10 sd) used to give
// 0.262095 for every u; every draw must lie in the bounds, grow with u, and have the mean of the
// truncated normal, μ + σ φ(α) / (1 − Φ(α)) with α = (min − μ) / σ (Johnson 1994, chapter 13).
TEST_CASE("truncation far in the upper tail keeps every draw in the bounds", "[cohort][distribution]") {
  const Distribution d{DistributionKind::kNormal, 0.18, 0.01, 0.28, {}};
  REQUIRE_NOTHROW(validate(d));
  double previous = 0, sum = 0;
  const int n = 100000;
  for (int i = 0; i < n; ++i) {
    const double u = (i + 0.5) / n;
    const double x = quantile(d, u);
    REQUIRE(x >= 0.28);
    REQUIRE(x > previous);
    previous = x;
    sum += x;
  }
  const double alpha = 10.0;
  const double upper_tail = 0.5 * std::erfc(alpha / std::sqrt(2.0));
  const double mills = std::exp(-0.5 * alpha * alpha) / std::sqrt(2 * M_PI) / upper_tail;
  CHECK(sum / n == Approx(0.18 + 0.01 * mills).epsilon(1e-6));
  // The log-normal: median 0.18, CV 0.2, min 1.0 lies 8.7 σ out on the log scale.
  const Distribution ln{DistributionKind::kLogNormal, 0.18, 0.2, 1.0, 2.0};
  previous = 0;
  for (double u : {0.0, 1e-9, 0.25, 0.5, 0.75, 1 - 1e-9, 1.0}) {
    const double x = quantile(ln, u);
    CHECK(x >= 1.0);
    CHECK(x <= 2.0);
    CHECK(x >= previous);
    previous = x;
  }
  CHECK(quantile(ln, 0.75) > quantile(ln, 0.25));
  // Too far out for doubles to resolve: the scenario is refused rather than drawn wrong.
  CHECK_THROWS_WITH(validate({DistributionKind::kNormal, 0.18, 0.01, 0.60, {}}),
                    Catch::Contains("probability below 1e-300"));
  // Lower tail bounds keep working as before.
  const Distribution low{DistributionKind::kNormal, 0.0, 1.0, {}, -9.0};
  CHECK(quantile(low, 0.5) <= -9.0);
  CHECK(quantile(low, 0.5) > -9.2);
}

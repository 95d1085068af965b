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

// Sensitivity estimators against analytic indices (Ishigami, Sobol' G-function), bootstrap
// intervals, Morris effects of a linear model, and PRCC of a monotone model.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <vector>

#include <boost/random/normal_distribution.hpp>

#include "engine/core/errors.hpp"
#include "engine/sweep/design.hpp"
#include "engine/sweep/sensitivity.hpp"

using namespace icbsim::sweep;
using icbsim::random_stream;
using icbsim::StreamPurpose;
using icbsim::cohort::Distribution;
using icbsim::cohort::DistributionKind;

namespace {

constexpr double kPi = std::numbers::pi;

/// Outputs of f at every point of a Saltelli design, each axis mapped through `axes`.
template <typename F>
SaltelliOutputs evaluate(const SaltelliDesign& design, const std::vector<Distribution>& axes, F f) {
  const Eigen::MatrixXd x = to_parameter_values(design.stacked(), axes);
  Eigen::VectorXd y(x.rows());
  for (Eigen::Index i = 0; i < x.rows(); ++i) y(i) = f(x.row(i));
  return split_saltelli_outputs(y, design.dimensions());
}

// Ishigami & Homma (1990) with a = 7, b = 0.1 and x_i uniform on [−π, π].
constexpr double kA = 7.0, kB = 0.1;
double ishigami(const Eigen::RowVectorXd& x) {
  return std::sin(x(0)) + kA * std::sin(x(1)) * std::sin(x(1)) + kB * std::pow(x(2), 4) * std::sin(x(0));
}
SaltelliOutputs ishigami_outputs(std::size_t n) {
  const Distribution u{DistributionKind::kUniform, -kPi, kPi, {}, {}};
  return evaluate(saltelli_design(n, 3), {u, u, u}, ishigami);
}

}  // namespace

TEST_CASE("Ishigami function: Sobol' indices match the analytic values", "[sweep][sensitivity]") {
  // Analytic partial variances (Ishigami & Homma 1990; Sobol' & Levitan 1999):
  // V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V3 = 0, V13 = b²π⁸(1/18 − 1/50) = 8b²π⁸/225,
  // V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2.
  // S = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437).
  const double pi4 = std::pow(kPi, 4), pi8 = std::pow(kPi, 8);
  const double v1 = 0.5 * std::pow(1 + kB * pi4 / 5, 2), v2 = kA * kA / 8, v13 = 8 * kB * kB * pi8 / 225;
  const double v = kA * kA / 8 + kB * pi4 / 5 + kB * kB * pi8 / 18 + 0.5;
  REQUIRE(v1 / v == Approx(0.3139).margin(5e-5));
  REQUIRE((v1 + v13) / v == Approx(0.5576).margin(5e-5));

  const SobolIndices s = sobol_indices(ishigami_outputs(std::size_t{1} << 14));
  CHECK(s.variance == Approx(v).epsilon(0.01));
  const double first[3] = {v1 / v, v2 / v, 0.0};
  const double total[3] = {(v1 + v13) / v, v2 / v, v13 / v};
  for (int i = 0; i < 3; ++i) {
    INFO("input " << i + 1 << ": S = " << s.first(i) << " (analytic " << first[i] << "), ST = " << s.total(i)
                  << " (analytic " << total[i] << ")");
    CHECK(s.first(i) == Approx(first[i]).margin(0.02));
    CHECK(s.total(i) == Approx(total[i]).margin(0.02));
  }
}

TEST_CASE("Sobol' G-function: indices match the analytic values", "[sweep][sensitivity]") {
  // g = Π (|4x_i − 2| + a_i)/(1 + a_i), x_i uniform on [0, 1] (Sobol' 1993; Saltelli et al. 2010):
  // V_i = (1/3)/(1 + a_i)², V = Π(1 + V_i) − 1, S_i = V_i/V, ST_i = V_i Π_{j≠i}(1 + V_j)/V.
  const std::vector<double> a = {0, 1, 4.5, 9, 99, 99, 99, 99};
  const std::size_t d = a.size();
  std::vector<double> vi(d);
  double product = 1.0;
  for (std::size_t i = 0; i < d; ++i) {
    vi[i] = (1.0 / 3.0) / ((1 + a[i]) * (1 + a[i]));
    product *= 1 + vi[i];
  }
  const double v = product - 1;
  const auto g = [&](const Eigen::RowVectorXd& x) {
    double value = 1.0;
    for (std::size_t i = 0; i < d; ++i)
      value *= (std::abs(4 * x(static_cast<Eigen::Index>(i)) - 2) + a[i]) / (1 + a[i]);
    return value;
  };
  const Distribution unit{DistributionKind::kUniform, 0.0, 1.0, {}, {}};
  const SobolIndices s = sobol_indices(evaluate(saltelli_design(std::size_t{1} << 14, d), std::vector(d, unit), g));
  CHECK(s.variance == Approx(v).epsilon(0.01));
  for (std::size_t i = 0; i < d; ++i) {
    const auto ii = static_cast<Eigen::Index>(i);
    const double first = vi[i] / v;
    const double total = vi[i] * product / (1 + vi[i]) / v;
    INFO("input " << i + 1 << ": S = " << s.first(ii) << " (analytic " << first << "), ST = " << s.total(ii)
                  << " (analytic " << total << ")");
    CHECK(s.first(ii) == Approx(first).margin(0.02));
    CHECK(s.total(ii) == Approx(total).margin(0.02));
  }
}

TEST_CASE("bootstrap intervals contain the estimate and shrink with N", "[sweep][sensitivity]") {
  const SaltelliOutputs small = ishigami_outputs(512);
  const SaltelliOutputs large = ishigami_outputs(8192);
  auto rng_small = random_stream(5, 0, StreamPurpose::kSweep, 1);
  auto rng_large = random_stream(5, 0, StreamPurpose::kSweep, 1);
  const SobolIndicesInterval ci_small = sobol_indices_bootstrap(small, 400, 0.95, rng_small);
  const SobolIndicesInterval ci_large = sobol_indices_bootstrap(large, 400, 0.95, rng_large);
  CHECK(ci_large.level == 0.95);
  for (const SobolIndicesInterval* ci : {&ci_small, &ci_large}) {
    const SobolIndices& e = ci->estimate;
    for (Eigen::Index i = 0; i < 3; ++i) {
      CHECK(ci->first_lower(i) <= e.first(i));
      CHECK(e.first(i) <= ci->first_upper(i));
      CHECK(ci->total_lower(i) <= e.total(i));
      CHECK(e.total(i) <= ci->total_upper(i));
    }
  }
  // Sixteen times the rows: widths fall by about √16 = 4 (row-resampling treats rows as independent);
  // require at least 3.
  for (Eigen::Index i = 0; i < 3; ++i) {
    INFO("input " << i + 1);
    CHECK(ci_large.first_upper(i) - ci_large.first_lower(i) < (ci_small.first_upper(i) - ci_small.first_lower(i)) / 3);
    CHECK(ci_large.total_upper(i) - ci_large.total_lower(i) < (ci_small.total_upper(i) - ci_small.total_lower(i)) / 3);
  }
  // At N = 8192 the 95 % intervals cover the analytic Ishigami indices (values as in the test above).
  const double first[3] = {0.3139, 0.4424, 0.0}, total[3] = {0.5576, 0.4424, 0.2437};
  for (Eigen::Index i = 0; i < 3; ++i) {
    CHECK(ci_large.first_lower(i) < first[i]);
    CHECK(first[i] < ci_large.first_upper(i));
    CHECK(ci_large.total_lower(i) < total[i]);
    CHECK(total[i] < ci_large.total_upper(i));
  }
  // Deterministic for a seed.
  auto again = random_stream(5, 0, StreamPurpose::kSweep, 1);
  CHECK(sobol_indices_bootstrap(small, 400, 0.95, again).first_lower == ci_small.first_lower);
  CHECK_THROWS_WITH(sobol_indices_bootstrap(small, 1, 0.95, again), Catch::Contains("at least 2 resamples"));
  CHECK_THROWS_WITH(sobol_indices_bootstrap(small, 100, 1.0, again), Catch::Contains("(0, 1)"));
}

TEST_CASE("Sobol' indices refuse malformed or degenerate outputs", "[sweep][sensitivity]") {
  CHECK_THROWS_WITH(split_saltelli_outputs(Eigen::VectorXd::Ones(11), 3), Catch::Contains("not N(d + 2)"));
  const SaltelliOutputs flat = split_saltelli_outputs(Eigen::VectorXd::Constant(10, 2.0), 3);
  CHECK_THROWS_WITH(sobol_indices(flat), Catch::Contains("zero variance"));
  SaltelliOutputs broken = ishigami_outputs(8);
  broken.f_ab(3, 1) = std::nan("");
  CHECK_THROWS_WITH(sobol_indices(broken), Catch::Contains("f(A_B) row 3 is not finite"));
  broken.f_ab.conservativeResize(7, 3);
  CHECK_THROWS_WITH(sobol_indices(broken), Catch::Contains("disagree in size"));
}

TEST_CASE("Morris effects of a linear model: μ* = |coefficient| and σ = 0", "[sweep][sensitivity]") {
  const Eigen::Vector4d c(2.0, -3.0, 0.5, 0.0);
  auto rng = random_stream(9, 0, StreamPurpose::kSweep);
  const MorrisDesign m = morris_design(10, 4, 4, rng);
  const Eigen::VectorXd y = m.points * c + Eigen::VectorXd::Constant(m.points.rows(), 1.5);
  const MorrisIndices e = morris_indices(m, y);
  for (Eigen::Index i = 0; i < 4; ++i) {
    CHECK(e.mu_star(i) == Approx(std::abs(c(i))).margin(1e-12));
    CHECK(e.mu(i) == Approx(c(i)).margin(1e-12));
    CHECK(e.sigma(i) == Approx(0.0).margin(1e-12));
  }
  // An interaction x1·x2 makes the effects of x1 and x2 vary (σ > 0); x3 has none.
  Eigen::VectorXd z(m.points.rows());
  for (Eigen::Index i = 0; i < z.size(); ++i) z(i) = m.points(i, 0) * m.points(i, 1);
  const MorrisIndices f = morris_indices(m, z);
  CHECK(f.sigma(0) > 0.1);
  CHECK(f.sigma(1) > 0.1);
  CHECK(f.mu_star(2) == 0.0);
  CHECK_THROWS_WITH(morris_indices(m, Eigen::VectorXd::Zero(3)), Catch::Contains("cannot take 3 outputs"));
}

TEST_CASE("ranks average ties", "[sweep][sensitivity]") {
  const Eigen::Vector4d v(3.0, 1.0, 3.0, 2.0);
  CHECK(ranks(v) == Eigen::Vector4d(3.5, 1.0, 3.5, 2.0));
}

TEST_CASE("PRCC: ≈ ±1 for a monotone input, ≈ 0 for an irrelevant one", "[sweep][sensitivity]") {
  const std::size_t n = 4000;
  auto rng = random_stream(13, 0, StreamPurpose::kSweep);
  const Eigen::MatrixXd x = latin_hypercube(n, 2, rng);
  boost::random::normal_distribution<double> noise(0.0, 0.05);
  Eigen::VectorXd rising(x.rows()), falling(x.rows()), exact(x.rows());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    exact(i) = std::exp(4 * x(i, 0));
    rising(i) = exact(i) + noise(rng);
    falling(i) = -std::pow(x(i, 0), 3) + 0.01 * noise(rng);
  }
  const Eigen::VectorXd up = prcc(x, rising);
  const Eigen::VectorXd down = prcc(x, falling);
  INFO("PRCC(exp) = " << up.transpose() << ", PRCC(−x³) = " << down.transpose());
  CHECK(up(0) > 0.99);
  CHECK(std::abs(up(1)) < 0.05);
  CHECK(down(0) < -0.99);
  CHECK(std::abs(down(1)) < 0.05);
  // A model of x1 alone leaves nothing of y to correlate with x2 once x1 is regressed out: refused.
  CHECK_THROWS_WITH(prcc(x, exact), Catch::Contains("linear function of the other inputs"));
  CHECK_THROWS_WITH(prcc(x.topRows(3), rising.head(3)), Catch::Contains("more than d + 1"));
}

// Sobol' indices (Saltelli 2010 / Jansen 1999) with bootstrap intervals, Morris statistics, PRCC.
#include "engine/sweep/sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include <Eigen/QR>
#include <boost/random/uniform_int_distribution.hpp>

#include "engine/core/errors.hpp"

namespace icbsim::sweep {
namespace {

void require_finite(const Eigen::Ref<const Eigen::MatrixXd>& values, const char* what) {
  for (Eigen::Index j = 0; j < values.cols(); ++j)
    for (Eigen::Index i = 0; i < values.rows(); ++i)
      if (!std::isfinite(values(i, j)))
        throw Error(std::string(what) + " row " + std::to_string(i) + " is not finite (" +
                    std::to_string(values(i, j)) + ")");
}

void check_shapes(const SaltelliOutputs& o) {
  const Eigen::Index n = o.f_a.size();
  if (n == 0) throw Error("Sobol' indices need at least one base sample");
  if (o.f_b.size() != n || o.f_ab.rows() != n || o.f_ab.cols() == 0)
    throw Error("Saltelli outputs disagree in size: f(A) " + std::to_string(n) + ", f(B) " +
                std::to_string(o.f_b.size()) + ", f(A_B) " + std::to_string(o.f_ab.rows()) + " × " +
                std::to_string(o.f_ab.cols()));
  require_finite(o.f_a, "f(A)");
  require_finite(o.f_b, "f(B)");
  require_finite(o.f_ab, "f(A_B)");
}

/// Indices from the base-sample rows `rows` (with repetitions for a bootstrap resample).
SobolIndices estimate(const SaltelliOutputs& o, const std::vector<std::size_t>& rows) {
  const auto n = static_cast<double>(rows.size());
  const Eigen::Index d = o.f_ab.cols();
  // V over the 2N outputs of A and B (population variance, two-pass for accuracy).
  double mean = 0.0;
  for (std::size_t r : rows) mean += o.f_a(r) + o.f_b(r);
  mean /= 2.0 * n;
  double variance = 0.0;
  for (std::size_t r : rows) variance += (o.f_a(r) - mean) * (o.f_a(r) - mean) + (o.f_b(r) - mean) * (o.f_b(r) - mean);
  variance /= 2.0 * n;
  if (!(variance > 0.0)) throw Error("the output has zero variance over A and B: Sobol' indices are undefined");

  SobolIndices s{Eigen::VectorXd(d), Eigen::VectorXd(d), variance};
  for (Eigen::Index i = 0; i < d; ++i) {
    double first = 0.0;
    double total = 0.0;
    for (std::size_t r : rows) {
      const double change = o.f_ab(r, i) - o.f_a(r);
      first += o.f_b(r) * change;
      total += change * change;
    }
    s.first(i) = first / n / variance;
    s.total(i) = total / n / (2.0 * variance);
  }
  return s;
}

/// Quantile p of sorted values, linear interpolation between order statistics (Hyndman–Fan type 7).
double sorted_quantile(const std::vector<double>& sorted, double p) {
  const double h = p * static_cast<double>(sorted.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

}  // namespace

SaltelliOutputs split_saltelli_outputs(const Eigen::VectorXd& y, std::size_t dimensions) {
  if (dimensions == 0) throw Error("Saltelli outputs need at least one dimension");
  const auto blocks = static_cast<Eigen::Index>(dimensions + 2);
  if (y.size() == 0 || y.size() % blocks != 0)
    throw Error(std::to_string(y.size()) + " outputs are not N(d + 2) for d = " + std::to_string(dimensions));
  const Eigen::Index n = y.size() / blocks;
  SaltelliOutputs o{y.head(n), y.segment(n, n), Eigen::MatrixXd(n, static_cast<Eigen::Index>(dimensions))};
  for (Eigen::Index i = 0; i < o.f_ab.cols(); ++i) o.f_ab.col(i) = y.segment(n * (i + 2), n);
  return o;
}

SobolIndices sobol_indices(const SaltelliOutputs& outputs) {
  check_shapes(outputs);
  std::vector<std::size_t> rows(static_cast<std::size_t>(outputs.f_a.size()));
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  return estimate(outputs, rows);
}

SobolIndicesInterval sobol_indices_bootstrap(const SaltelliOutputs& outputs, std::size_t resamples, double level,
                                             RandomEngine& rng) {
  if (resamples < 2) throw Error("a bootstrap needs at least 2 resamples, not " + std::to_string(resamples));
  if (!(level > 0.0 && level < 1.0)) throw Error("a confidence level must lie in (0, 1), not " + std::to_string(level));
  SobolIndicesInterval result;
  result.estimate = sobol_indices(outputs);  // also checks shapes and finiteness
  result.level = level;
  const auto n = static_cast<std::size_t>(outputs.f_a.size());
  const auto d = static_cast<std::size_t>(outputs.f_ab.cols());

  // first[i] and total[i] hold the resampled values of input i.
  std::vector<std::vector<double>> first(d, std::vector<double>(resamples));
  std::vector<std::vector<double>> total(d, std::vector<double>(resamples));
  boost::random::uniform_int_distribution<std::size_t> pick(0, n - 1);
  std::vector<std::size_t> rows(n);
  for (std::size_t b = 0; b < resamples; ++b) {
    for (std::size_t& r : rows) r = pick(rng);
    const SobolIndices s = estimate(outputs, rows);
    for (std::size_t i = 0; i < d; ++i) {
      first[i][b] = s.first(static_cast<Eigen::Index>(i));
      total[i][b] = s.total(static_cast<Eigen::Index>(i));
    }
  }

  const double lower_p = (1.0 - level) / 2.0;
  const double upper_p = (1.0 + level) / 2.0;
  const auto dd = static_cast<Eigen::Index>(d);
  result.first_lower.resize(dd);
  result.first_upper.resize(dd);
  result.total_lower.resize(dd);
  result.total_upper.resize(dd);
  for (std::size_t i = 0; i < d; ++i) {
    const auto ii = static_cast<Eigen::Index>(i);
    std::sort(first[i].begin(), first[i].end());
    std::sort(total[i].begin(), total[i].end());
    result.first_lower(ii) = sorted_quantile(first[i], lower_p);
    result.first_upper(ii) = sorted_quantile(first[i], upper_p);
    result.total_lower(ii) = sorted_quantile(total[i], lower_p);
    result.total_upper(ii) = sorted_quantile(total[i], upper_p);
  }
  return result;
}

MorrisIndices morris_indices(const MorrisDesign& design, const Eigen::VectorXd& y) {
  const std::size_t d = design.dimensions();
  const std::size_t r = design.trajectories;
  if (y.size() != design.points.rows())
    throw Error("a Morris design of " + std::to_string(design.points.rows()) + " points cannot take " +
                std::to_string(y.size()) + " outputs");
  if (r < 2 || design.factor.size() != r * d || static_cast<std::size_t>(design.points.rows()) != r * (d + 1))
    throw Error("the Morris design is inconsistent: " + std::to_string(r) + " trajectories, " +
                std::to_string(design.points.rows()) + " points, " + std::to_string(design.factor.size()) + " steps");
  require_finite(y, "Morris output");

  const auto dd = static_cast<Eigen::Index>(d);
  Eigen::MatrixXd effects(static_cast<Eigen::Index>(r), dd);  // effects(t, i): trajectory t, input i
  for (std::size_t t = 0; t < r; ++t)
    for (std::size_t k = 0; k < d; ++k) {
      const auto row = static_cast<Eigen::Index>(t * (d + 1) + k);
      const auto i = static_cast<Eigen::Index>(design.factor[t * d + k]);
      const double step = design.points(row + 1, i) - design.points(row, i);
      if (step == 0.0) throw Error("Morris trajectory " + std::to_string(t) + " does not move at step " + std::to_string(k));
      effects(static_cast<Eigen::Index>(t), i) = (y(row + 1) - y(row)) / step;
    }

  MorrisIndices m{effects.colwise().mean().transpose(), effects.cwiseAbs().colwise().mean().transpose(),
                  Eigen::VectorXd(dd)};
  for (Eigen::Index i = 0; i < dd; ++i)
    m.sigma(i) = std::sqrt((effects.col(i).array() - m.mu(i)).square().sum() / static_cast<double>(r - 1));
  return m;
}

Eigen::VectorXd ranks(const Eigen::VectorXd& values) {
  const auto n = static_cast<std::size_t>(values.size());
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values(a) < values(b); });
  Eigen::VectorXd rank(values.size());
  for (std::size_t start = 0; start < n;) {
    std::size_t end = start + 1;
    while (end < n && values(order[end]) == values(order[start])) ++end;
    const double average = 0.5 * static_cast<double>(start + 1 + end);  // mean of ranks start+1 .. end
    for (std::size_t k = start; k < end; ++k) rank(order[k]) = average;
    start = end;
  }
  return rank;
}

Eigen::VectorXd prcc(const Eigen::MatrixXd& x, const Eigen::VectorXd& y) {
  const Eigen::Index n = x.rows();
  const Eigen::Index d = x.cols();
  if (d == 0) throw Error("PRCC needs at least one input");
  if (y.size() != n) throw Error("PRCC: " + std::to_string(n) + " input rows but " + std::to_string(y.size()) + " outputs");
  if (n <= d + 1) throw Error("PRCC needs more than d + 1 = " + std::to_string(d + 1) + " samples, not " + std::to_string(n));
  require_finite(x, "PRCC input");
  require_finite(y, "PRCC output");

  Eigen::MatrixXd rx(n, d);
  for (Eigen::Index j = 0; j < d; ++j) rx.col(j) = ranks(x.col(j));
  const Eigen::VectorXd ry = ranks(y);

  // Residual of v after least squares on z; fails when v is (numerically) in z's span.
  const auto residual = [](const Eigen::MatrixXd& z, const Eigen::VectorXd& v, const Eigen::ColPivHouseholderQR<Eigen::MatrixXd>& qr,
                           const std::string& what) {
    Eigen::VectorXd e = v - z * qr.solve(v);
    const double spread = (v.array() - v.mean()).matrix().norm();
    if (!(e.norm() > 1e-10 * spread))
      throw Error("PRCC: the ranks of " + what + " are a linear function of the other inputs' ranks");
    return e;
  };

  Eigen::VectorXd result(d);
  for (Eigen::Index i = 0; i < d; ++i) {
    Eigen::MatrixXd z(n, d);  // intercept and the other inputs' ranks
    z.col(0).setOnes();
    for (Eigen::Index j = 0, c = 1; j < d; ++j)
      if (j != i) z.col(c++) = rx.col(j);
    const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(z);
    const Eigen::VectorXd ex = residual(z, rx.col(i), qr, "input " + std::to_string(i));
    const Eigen::VectorXd ey = residual(z, ry, qr, "the output (given input " + std::to_string(i) + ")");
    result(i) = ex.dot(ey) / (ex.norm() * ey.norm());
  }
  return result;
}

}  // namespace icbsim::sweep

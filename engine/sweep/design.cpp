// Unit-cube designs: grids, Latin hypercubes, Sobol' and Saltelli samples, Morris trajectories.
#include "engine/sweep/design.hpp"

#include <cmath>
#include <cstdint>
#include <numeric>
#include <string>
#include <utility>

#include <boost/random/sobol.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>

#include "engine/core/errors.hpp"

namespace icbsim::sweep {
namespace {

/// Index in [0, n): Boost's distribution is a specified algorithm, so designs are the same on every
/// standard library (std::uniform_int_distribution and std::shuffle are not).
std::size_t uniform_index(RandomEngine& rng, std::size_t n) {
  return boost::random::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
}

/// Fisher–Yates permutation of 0 .. n − 1.
std::vector<std::size_t> permutation(RandomEngine& rng, std::size_t n) {
  std::vector<std::size_t> p(n);
  std::iota(p.begin(), p.end(), std::size_t{0});
  for (std::size_t i = n; i > 1; --i) std::swap(p[i - 1], p[uniform_index(rng, i)]);
  return p;
}

void require_positive(std::size_t value, const char* what) {
  if (value == 0) throw Error(std::string("a sweep design needs at least one ") + what);
}

/// One Morris trajectory as level indices (d + 1) × d, with the axis changed at each step.
struct Trajectory {
  Eigen::MatrixXd points;
  std::vector<std::size_t> factor;
};

Trajectory morris_trajectory(std::size_t d, std::size_t p, RandomEngine& rng) {
  const std::size_t jump = p / 2;  // Δ = jump / (p − 1)
  const double step = 1.0 / static_cast<double>(p - 1);
  // Base level in {0, ..., p/2 − 1} so that base + jump stays on the grid; each axis starts at the
  // low or high end of its jump with equal probability (Morris's random orientation D*).
  std::vector<std::size_t> start(d), end(d);
  for (std::size_t i = 0; i < d; ++i) {
    const std::size_t base = uniform_index(rng, jump);
    const bool up = uniform_index(rng, 2) == 0;
    start[i] = up ? base : base + jump;
    end[i] = up ? base + jump : base;
  }
  Trajectory t{Eigen::MatrixXd(d + 1, d), permutation(rng, d)};  // permutation: Morris's P*
  std::vector<std::size_t> level = start;
  for (std::size_t i = 0; i < d; ++i) t.points(0, i) = static_cast<double>(level[i]) * step;
  for (std::size_t k = 0; k < d; ++k) {
    level[t.factor[k]] = end[t.factor[k]];
    for (std::size_t i = 0; i < d; ++i) t.points(k + 1, i) = static_cast<double>(level[i]) * step;
  }
  return t;
}

/// Campolongo's distance between two trajectories: the sum of Euclidean distances over all pairs
/// of their points.
double trajectory_distance(const Eigen::MatrixXd& x, const Eigen::MatrixXd& y) {
  double sum = 0.0;
  for (Eigen::Index i = 0; i < x.rows(); ++i)
    for (Eigen::Index j = 0; j < y.rows(); ++j) sum += (x.row(i) - y.row(j)).norm();
  return sum;
}

}  // namespace

Eigen::MatrixXd full_grid(const std::vector<std::size_t>& levels) {
  require_positive(levels.size(), "axis");
  std::size_t rows = 1;
  for (std::size_t l : levels) {
    if (l == 0) throw Error("a grid axis needs at least one level");
    rows *= l;
  }
  const std::size_t d = levels.size();
  Eigen::MatrixXd grid(rows, d);
  std::vector<std::size_t> index(d, 0);  // mixed-radix counter, last axis fastest
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t j = 0; j < d; ++j)
      grid(r, j) = (static_cast<double>(index[j]) + 0.5) / static_cast<double>(levels[j]);
    for (std::size_t j = d; j-- > 0;) {
      if (++index[j] < levels[j]) break;
      index[j] = 0;
    }
  }
  return grid;
}

Eigen::MatrixXd latin_hypercube(std::size_t n, std::size_t dimensions, RandomEngine& rng) {
  require_positive(n, "point");
  require_positive(dimensions, "dimension");
  boost::random::uniform_real_distribution<double> uniform(0.0, 1.0);
  const double width = 1.0 / static_cast<double>(n);
  Eigen::MatrixXd x(n, dimensions);
  for (std::size_t j = 0; j < dimensions; ++j) {
    const std::vector<std::size_t> stratum = permutation(rng, n);
    for (std::size_t i = 0; i < n; ++i) {
      const double k = static_cast<double>(stratum[i]);
      double v = (k + uniform(rng)) * width;
      // Rounding may carry (k + u)/n onto the next stratum's edge; step back inside.
      while (std::floor(v * static_cast<double>(n)) > k) v = std::nextafter(v, 0.0);
      x(i, j) = v;
    }
  }
  return x;
}

Eigen::MatrixXd sobol_sequence(std::size_t n, std::size_t dimensions, std::size_t first) {
  require_positive(n, "point");
  require_positive(dimensions, "dimension");
  if (dimensions > BOOST_RANDOM_SOBOL_MAX_DIMENSION)
    throw Error("a Sobol' sequence has at most " + std::to_string(BOOST_RANDOM_SOBOL_MAX_DIMENSION) +
                " dimensions, not " + std::to_string(dimensions));
  // boost::random::sobol starts at point 1 (it skips the origin); point 0 is added by hand.
  boost::random::sobol engine(dimensions);
  if (first > 1) engine.discard(static_cast<boost::uintmax_t>((first - 1) * dimensions));
  Eigen::MatrixXd x(n, dimensions);
  for (std::size_t i = 0; i < n; ++i) {
    if (i == 0 && first == 0) {
      x.row(0).setZero();
      continue;
    }
    // The top 53 bits exactly: every value is a dyadic rational below 1.
    for (std::size_t j = 0; j < dimensions; ++j) x(i, j) = std::ldexp(static_cast<double>(engine() >> 11), -53);
  }
  return x;
}

Eigen::MatrixXd SaltelliDesign::stacked() const {
  const Eigen::Index n = a.rows();
  Eigen::MatrixXd all(n * static_cast<Eigen::Index>(a_b.size() + 2), a.cols());
  all.topRows(n) = a;
  all.middleRows(n, n) = b;
  for (std::size_t i = 0; i < a_b.size(); ++i) all.middleRows(n * static_cast<Eigen::Index>(i + 2), n) = a_b[i];
  return all;
}

SaltelliDesign saltelli_design(std::size_t base_samples, std::size_t dimensions, std::size_t first) {
  require_positive(base_samples, "base sample");
  require_positive(dimensions, "dimension");
  const Eigen::MatrixXd s = sobol_sequence(base_samples, 2 * dimensions, first);
  const auto d = static_cast<Eigen::Index>(dimensions);
  SaltelliDesign design{s.leftCols(d), s.rightCols(d), {}};
  design.a_b.reserve(dimensions);
  for (Eigen::Index i = 0; i < d; ++i) {
    Eigen::MatrixXd m = design.a;
    m.col(i) = design.b.col(i);
    design.a_b.push_back(std::move(m));
  }
  return design;
}

MorrisDesign morris_design(std::size_t trajectories, std::size_t dimensions, std::size_t levels,
                           RandomEngine& rng, std::size_t candidates) {
  require_positive(dimensions, "dimension");
  if (trajectories < 2) throw Error("a Morris design needs at least 2 trajectories (σ needs two effects)");
  if (levels < 2 || levels % 2 != 0)
    throw Error("a Morris design needs an even number of levels p >= 2, not " + std::to_string(levels));
  if (candidates != 0 && candidates < trajectories)
    throw Error("a Morris design cannot keep " + std::to_string(trajectories) + " of " +
                std::to_string(candidates) + " candidate trajectories");

  const std::size_t m = candidates == 0 ? trajectories : candidates;
  std::vector<Trajectory> pool;
  pool.reserve(m);
  for (std::size_t t = 0; t < m; ++t) pool.push_back(morris_trajectory(dimensions, levels, rng));

  std::vector<std::size_t> keep(m);
  std::iota(keep.begin(), keep.end(), std::size_t{0});
  if (m > trajectories) {
    // Greedy backward elimination: the objective Σ_{m<l} d_ml² loses Σ_l d_kl² when k is dropped,
    // so drop the remaining trajectory with the smallest such sum until r remain.
    Eigen::MatrixXd d2 = Eigen::MatrixXd::Zero(m, m);
    for (std::size_t i = 0; i < m; ++i)
      for (std::size_t j = i + 1; j < m; ++j) {
        const double dist = trajectory_distance(pool[i].points, pool[j].points);
        d2(i, j) = d2(j, i) = dist * dist;
      }
    std::vector<double> contribution(m);
    for (std::size_t i = 0; i < m; ++i) contribution[i] = d2.row(i).sum();
    while (keep.size() > trajectories) {
      std::size_t worst = 0;
      for (std::size_t k = 1; k < keep.size(); ++k)
        if (contribution[keep[k]] < contribution[keep[worst]]) worst = k;
      const std::size_t dropped = keep[worst];
      keep.erase(keep.begin() + static_cast<std::ptrdiff_t>(worst));
      for (std::size_t k : keep) contribution[k] -= d2(k, dropped);
    }
  }

  MorrisDesign design;
  design.trajectories = trajectories;
  design.levels = levels;
  design.delta = static_cast<double>(levels / 2) / static_cast<double>(levels - 1);
  const auto rows = static_cast<Eigen::Index>(dimensions + 1);
  design.points.resize(rows * static_cast<Eigen::Index>(trajectories), static_cast<Eigen::Index>(dimensions));
  design.factor.reserve(trajectories * dimensions);
  for (std::size_t t = 0; t < trajectories; ++t) {
    const Trajectory& tr = pool[keep[t]];
    design.points.middleRows(rows * static_cast<Eigen::Index>(t), rows) = tr.points;
    design.factor.insert(design.factor.end(), tr.factor.begin(), tr.factor.end());
  }
  return design;
}

double morris_spread(const MorrisDesign& design) {
  const auto rows = static_cast<Eigen::Index>(design.dimensions() + 1);
  double sum = 0.0;
  for (std::size_t i = 0; i < design.trajectories; ++i)
    for (std::size_t j = i + 1; j < design.trajectories; ++j) {
      const double dist = trajectory_distance(design.points.middleRows(rows * static_cast<Eigen::Index>(i), rows),
                                              design.points.middleRows(rows * static_cast<Eigen::Index>(j), rows));
      sum += dist * dist;
    }
  return std::sqrt(sum);
}

Eigen::MatrixXd to_parameter_values(const Eigen::MatrixXd& unit, const std::vector<cohort::Distribution>& axes) {
  if (static_cast<std::size_t>(unit.cols()) != axes.size())
    throw Error("a design with " + std::to_string(unit.cols()) + " axes cannot map through " +
                std::to_string(axes.size()) + " distributions");
  for (const cohort::Distribution& d : axes) cohort::validate(d);
  Eigen::MatrixXd values(unit.rows(), unit.cols());
  for (Eigen::Index j = 0; j < unit.cols(); ++j)
    for (Eigen::Index i = 0; i < unit.rows(); ++i) {
      const double u = unit(i, j);
      if (!(u >= 0.0 && u <= 1.0))
        throw Error("design point " + std::to_string(i) + " has coordinate " + std::to_string(u) +
                    " outside [0, 1] on axis " + std::to_string(j));
      values(i, j) = cohort::quantile(axes[static_cast<std::size_t>(j)], u);
    }
  return values;
}

}  // namespace icbsim::sweep

// Sweep designs: grid layout, Latin-hypercube strata, the Sobol' sequence and its net property,
// Saltelli matrices, Morris trajectories, and the map through distribution quantiles.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <set>
#include <utility>
#include <vector>

#include "engine/core/errors.hpp"
#include "engine/sweep/design.hpp"

using namespace icbsim::sweep;
using icbsim::random_stream;
using icbsim::StreamPurpose;
using icbsim::cohort::Distribution;
using icbsim::cohort::DistributionKind;

TEST_CASE("a full grid puts every level combination at cell midpoints, first axis slowest", "[sweep][design]") {
  const Eigen::MatrixXd g = full_grid({2, 3});
  REQUIRE(g.rows() == 6);
  REQUIRE(g.cols() == 2);
  const double expected[6][2] = {{0.25, 1.0 / 6}, {0.25, 0.5}, {0.25, 5.0 / 6},
                                 {0.75, 1.0 / 6}, {0.75, 0.5}, {0.75, 5.0 / 6}};
  for (int r = 0; r < 6; ++r)
    for (int c = 0; c < 2; ++c) CHECK(g(r, c) == Approx(expected[r][c]).epsilon(1e-15));
  // One level is the median of the axis.
  CHECK(full_grid({1})(0, 0) == 0.5);
  CHECK_THROWS_AS(full_grid({3, 0}), icbsim::Error);
  CHECK_THROWS_WITH(full_grid({}), Catch::Contains("at least one axis"));
}

TEST_CASE("each stratum of each Latin-hypercube axis holds exactly one point", "[sweep][design]") {
  auto rng = random_stream(7, 0, StreamPurpose::kSweep);
  const std::size_t n = 97;
  const Eigen::MatrixXd x = latin_hypercube(n, 5, rng);
  REQUIRE(x.rows() == 97);
  REQUIRE(x.cols() == 5);
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    std::vector<int> count(n, 0);
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      REQUIRE(x(i, j) >= 0.0);
      REQUIRE(x(i, j) < 1.0);
      ++count[static_cast<std::size_t>(std::floor(x(i, j) * static_cast<double>(n)))];
    }
    for (int c : count) CHECK(c == 1);
  }
  // Deterministic for a seed; another seed gives another design.
  auto same = random_stream(7, 0, StreamPurpose::kSweep);
  CHECK(latin_hypercube(n, 5, same) == x);
  auto other = random_stream(8, 0, StreamPurpose::kSweep);
  CHECK(latin_hypercube(n, 5, other) != x);
}

TEST_CASE("the Sobol' sequence starts with the known points", "[sweep][design]") {
  // Joe & Kuo (2008) direction numbers in Gray-code order. Dimension 1 is van der Corput; dimension
  // 2 has m = 1 (polynomial x + 1); dimension 3 m = (1, 3) (x² + x + 1); dimension 4 m = (1, 3, 1)
  // (x³ + x + 1). Point n is the XOR of the direction numbers v_j = m_j/2^j at the bits of gray(n).
  const double known[8][4] = {{0, 0, 0, 0},
                              {0.5, 0.5, 0.5, 0.5},
                              {0.75, 0.25, 0.25, 0.25},
                              {0.25, 0.75, 0.75, 0.75},
                              {0.375, 0.375, 0.625, 0.875},
                              {0.875, 0.875, 0.125, 0.375},
                              {0.625, 0.125, 0.875, 0.625},
                              {0.125, 0.625, 0.375, 0.125}};
  const Eigen::MatrixXd x = sobol_sequence(8, 4, 0);
  for (int i = 0; i < 8; ++i)
    for (int j = 0; j < 4; ++j) CHECK(x(i, j) == known[i][j]);
  // The default skips the origin; `first` starts anywhere in the sequence.
  const Eigen::MatrixXd skipped = sobol_sequence(3, 4);
  for (int j = 0; j < 4; ++j) CHECK(skipped(0, j) == known[1][j]);
  const Eigen::MatrixXd later = sobol_sequence(2, 4, 5);
  for (int j = 0; j < 4; ++j) CHECK(later(0, j) == known[5][j]);
  for (int j = 0; j < 4; ++j) CHECK(later(1, j) == known[6][j]);
  CHECK_THROWS_WITH(sobol_sequence(4, 100000), Catch::Contains("at most"));
}

TEST_CASE("the first 2^m Sobol' points are a net: every elementary box holds one point", "[sweep][design]") {
  // The first two dimensions form a (0, m, 2)-net: each box [a/2^k, (a+1)/2^k) × [b/2^(m−k), (b+1)/2^(m−k))
  // of volume 2^−m holds exactly one of points 0 .. 2^m − 1, for every k = 0 .. m.
  const int m = 10;
  const std::size_t n = std::size_t{1} << m;
  const Eigen::MatrixXd x = sobol_sequence(n, 6, 0);
  for (int k = 0; k <= m; ++k) {
    std::vector<int> count(n, 0);
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      const auto a = static_cast<std::size_t>(std::ldexp(x(i, 0), k));
      const auto b = static_cast<std::size_t>(std::ldexp(x(i, 1), m - k));
      ++count[(a << (m - k)) + b];
    }
    for (int c : count) REQUIRE(c == 1);
  }
  // Every one-dimensional projection is stratified: one point in each [j/2^m, (j+1)/2^m).
  for (Eigen::Index d = 0; d < x.cols(); ++d) {
    std::set<std::size_t> cells;
    for (Eigen::Index i = 0; i < x.rows(); ++i) cells.insert(static_cast<std::size_t>(std::ldexp(x(i, d), m)));
    CHECK(cells.size() == n);
  }
}

TEST_CASE("Saltelli sampling splits a 2d-dimensional Sobol' sequence into A, B and the A_B^(i)", "[sweep][design]") {
  const std::size_t n = 16, d = 3;
  const SaltelliDesign s = saltelli_design(n, d);
  const Eigen::MatrixXd q = sobol_sequence(n, 2 * d);
  REQUIRE(s.base_samples() == n);
  REQUIRE(s.dimensions() == d);
  REQUIRE(s.a_b.size() == d);
  CHECK(s.a == q.leftCols(3));
  CHECK(s.b == q.rightCols(3));
  for (std::size_t i = 0; i < d; ++i)
    for (Eigen::Index j = 0; j < 3; ++j)
      CHECK(s.a_b[i].col(j) == (static_cast<std::size_t>(j) == i ? s.b.col(j) : s.a.col(j)));
  const Eigen::MatrixXd all = s.stacked();
  REQUIRE(all.rows() == static_cast<Eigen::Index>(n * (d + 2)));
  CHECK(all.topRows(16) == s.a);
  CHECK(all.middleRows(16, 16) == s.b);
  CHECK(all.bottomRows(16) == s.a_b[2]);
  CHECK_THROWS_AS(saltelli_design(0, 3), icbsim::Error);
}

TEST_CASE("Morris trajectories move one axis by ±Δ per step on the p-level grid", "[sweep][design]") {
  const std::size_t r = 12, d = 5, p = 6;
  auto rng = random_stream(3, 0, StreamPurpose::kSweep);
  const MorrisDesign m = morris_design(r, d, p, rng);
  REQUIRE(m.points.rows() == static_cast<Eigen::Index>(r * (d + 1)));
  REQUIRE(m.factor.size() == r * d);
  CHECK(m.delta == Approx(6.0 / 10.0).epsilon(1e-15));  // p / (2(p − 1))
  for (Eigen::Index i = 0; i < m.points.rows(); ++i)
    for (Eigen::Index j = 0; j < m.points.cols(); ++j) {
      const double level = m.points(i, j) * (p - 1);
      CHECK(std::abs(level - std::round(level)) < 1e-12);
      CHECK(m.points(i, j) >= 0.0);
      CHECK(m.points(i, j) <= 1.0);
    }
  for (std::size_t t = 0; t < r; ++t) {
    std::set<std::size_t> moved;
    for (std::size_t k = 0; k < d; ++k) {
      const auto row = static_cast<Eigen::Index>(t * (d + 1) + k);
      const Eigen::RowVectorXd step = m.points.row(row + 1) - m.points.row(row);
      for (Eigen::Index j = 0; j < 5; ++j) {
        if (static_cast<std::size_t>(j) == m.factor[t * d + k]) CHECK(std::abs(step(j)) == Approx(m.delta).epsilon(1e-12));
        else CHECK(step(j) == 0.0);
      }
      moved.insert(m.factor[t * d + k]);
    }
    CHECK(moved.size() == d);  // each axis once per trajectory
  }
  auto same = random_stream(3, 0, StreamPurpose::kSweep);
  CHECK(morris_design(r, d, p, same).points == m.points);
  CHECK_THROWS_WITH(morris_design(4, 3, 5, rng), Catch::Contains("even number of levels"));
  CHECK_THROWS_WITH(morris_design(1, 3, 4, rng), Catch::Contains("at least 2 trajectories"));
  CHECK_THROWS_WITH(morris_design(10, 3, 4, rng, 5), Catch::Contains("candidate"));
}

TEST_CASE("Campolongo selection spreads the trajectories more than random subsets", "[sweep][design]") {
  // The 60 candidates are the first 60 trajectories of the stream, i.e. what candidates = 0 returns.
  const std::size_t r = 6, d = 4, pool_size = 60;
  auto pool_rng = random_stream(11, 0, StreamPurpose::kSweep);
  auto chosen_rng = random_stream(11, 0, StreamPurpose::kSweep);
  const MorrisDesign pool = morris_design(pool_size, d, 4, pool_rng);
  const MorrisDesign chosen = morris_design(r, d, 4, chosen_rng, pool_size);
  const double spread = morris_spread(chosen);
  // Every chosen trajectory is one of the candidates.
  const auto rows = static_cast<Eigen::Index>(d + 1);
  for (std::size_t t = 0; t < r; ++t) {
    bool found = false;
    for (std::size_t c = 0; c < pool_size && !found; ++c)
      found = chosen.points.middleRows(rows * static_cast<Eigen::Index>(t), rows) ==
              pool.points.middleRows(rows * static_cast<Eigen::Index>(c), rows);
    CHECK(found);
  }
  // No random subset of r candidates (500 tried) spreads wider than the greedy choice.
  auto subset_rng = random_stream(12, 0, StreamPurpose::kSweep);
  double best_random = 0.0;
  for (int trial = 0; trial < 500; ++trial) {
    const Eigen::MatrixXd order = latin_hypercube(pool_size, 1, subset_rng);  // a random permutation
    std::vector<std::pair<double, std::size_t>> keyed;
    for (std::size_t c = 0; c < pool_size; ++c) keyed.emplace_back(order(static_cast<Eigen::Index>(c), 0), c);
    std::sort(keyed.begin(), keyed.end());
    MorrisDesign subset = chosen;
    for (std::size_t t = 0; t < r; ++t)
      subset.points.middleRows(rows * static_cast<Eigen::Index>(t), rows) =
          pool.points.middleRows(rows * static_cast<Eigen::Index>(keyed[t].second), rows);
    best_random = std::max(best_random, morris_spread(subset));
  }
  INFO("chosen spread " << spread << ", best of 500 random subsets " << best_random);
  CHECK(spread > best_random);
}

TEST_CASE("a unit-cube design maps through each axis's quantile", "[sweep][design]") {
  Eigen::MatrixXd u(2, 3);
  u << 0.25, 0.5, 0.5,  //
      0.75, 0.975, 0.0;
  const std::vector<Distribution> axes = {{DistributionKind::kUniform, -std::numbers::pi, std::numbers::pi, {}, {}},
                                          {DistributionKind::kLogNormal, 0.007, 0.5, {}, {}},
                                          {DistributionKind::kLogUniform, 1.0, 100.0, {}, {}}};
  const Eigen::MatrixXd v = to_parameter_values(u, axes);
  CHECK(v(0, 0) == Approx(-std::numbers::pi / 2).epsilon(1e-15));
  CHECK(v(1, 0) == Approx(std::numbers::pi / 2).epsilon(1e-15));
  CHECK(v(0, 1) == Approx(0.007).epsilon(1e-12));  // median
  CHECK(v(1, 1) == Approx(0.007 * std::exp(1.959964 * std::sqrt(std::log(1.25)))).epsilon(1e-6));
  CHECK(v(0, 2) == Approx(10.0).epsilon(1e-12));
  CHECK(v(1, 2) == Approx(1.0).epsilon(1e-15));
  CHECK_THROWS_WITH(to_parameter_values(u, {axes[0], axes[1]}), Catch::Contains("3 axes cannot map through 2"));
  const std::vector<Distribution> bad = {axes[0], {DistributionKind::kNormal, 0.0, -1.0, {}, {}}, axes[2]};
  CHECK_THROWS_WITH(to_parameter_values(u, bad), Catch::Contains("positive sd"));
  u(1, 2) = 1.5;
  CHECK_THROWS_WITH(to_parameter_values(u, axes), Catch::Contains("outside [0, 1]"));
}

// Parameter-sweep designs in the unit cube: full grid, Latin hypercube, Sobol' sequence, Saltelli
// sampling for Sobol' indices and Morris elementary-effect trajectories. Each point is a row; an
// axis becomes a parameter through a cohort::Distribution's quantile (to_parameter_values).
#pragma once

#include <cstddef>
#include <vector>

#include <Eigen/Core>

#include "engine/cohort/distribution.hpp"
#include "engine/core/random_stream.hpp"

namespace icbsim::sweep {

/// Full factorial grid: levels[j] points on axis j at the cell midpoints (k + 1/2)/levels[j], so a
/// grid never reaches the unbounded tails of a distribution. Rows are ordered with the first axis
/// slowest (like nested loops); Π levels rows. Throws icbsim::Error for an empty list or a zero level.
Eigen::MatrixXd full_grid(const std::vector<std::size_t>& levels);

/// Latin hypercube of n points in [0,1)^d (McKay, Beckman & Conover 1979): on every axis each of
/// the n strata [k/n, (k+1)/n) holds exactly one point, placed uniformly within it.
Eigen::MatrixXd latin_hypercube(std::size_t n, std::size_t dimensions, RandomEngine& rng);

/// Points first, first + 1, ..., first + n - 1 of the d-dimensional Sobol' sequence (Joe & Kuo
/// 2008 direction numbers, Gray-code order, boost::random::sobol). Point 0 is the origin; the
/// default first = 1 skips it because the quantile of an unbounded distribution at 0 is −∞.
/// Points 0 .. 2^m − 1 (first = 0) form a (t, m, d)-net; values lie in [0, 1).
Eigen::MatrixXd sobol_sequence(std::size_t n, std::size_t dimensions, std::size_t first = 1);

/// The N(d + 2) points of Saltelli sampling for first-order and total Sobol' indices (Saltelli et
/// al. 2010, Comput Phys Commun 181:259): base matrices A and B and, for each axis i, A_B^(i) = A
/// with column i taken from B.
struct SaltelliDesign {
  Eigen::MatrixXd a;                 ///< N × d
  Eigen::MatrixXd b;                 ///< N × d
  std::vector<Eigen::MatrixXd> a_b;  ///< d matrices, N × d; a_b[i] is A with column i of B

  std::size_t base_samples() const { return static_cast<std::size_t>(a.rows()); }
  std::size_t dimensions() const { return static_cast<std::size_t>(a.cols()); }
  /// All N(d + 2) points in the order A, B, A_B^(1), ..., A_B^(d): the rows to evaluate, in the
  /// order split_saltelli_outputs expects.
  Eigen::MatrixXd stacked() const;
};

/// Saltelli design from the 2d-dimensional Sobol' sequence, points first .. first + N − 1: the
/// first d coordinates form A, the last d form B (the standard choice of Saltelli et al. 2010).
/// N a power of two keeps the base samples balanced. Throws icbsim::Error for N = 0 or d = 0.
SaltelliDesign saltelli_design(std::size_t base_samples, std::size_t dimensions, std::size_t first = 1);

/// r Morris trajectories of d + 1 points each on the p-level grid {0, 1/(p−1), ..., 1}^d, with
/// step Δ = p / (2(p − 1)) (Morris 1991, Technometrics 33:161; Campolongo, Cariboni & Saltelli
/// 2007, Environ Model Softw 22:1509). Consecutive points of a trajectory differ in one axis by ±Δ.
/// The design lives on the closed cube: levels 0 and 1 are the ends of a distribution's support.
struct MorrisDesign {
  Eigen::MatrixXd points;           ///< r(d + 1) × d; trajectory t occupies rows t(d+1) .. t(d+1) + d
  std::vector<std::size_t> factor;  ///< r·d entries: the axis changed between step k and k + 1 of trajectory t, at t·d + k
  std::size_t trajectories = 0;     ///< r
  std::size_t levels = 0;           ///< p
  double delta = 0.0;               ///< Δ, in unit-cube coordinates

  std::size_t dimensions() const { return static_cast<std::size_t>(points.cols()); }
};

/// Morris design with r trajectories in d dimensions on p levels (p even, p ≥ 2, r ≥ 2). With
/// candidates > r, that many random trajectories are drawn and r of them kept to maximise
/// Campolongo's spread Σ_{m<l} d_ml² (d_ml = sum of Euclidean distances between the points of
/// trajectories m and l), by greedily dropping the trajectory contributing least; candidates = 0
/// keeps the first r drawn. Throws icbsim::Error for invalid counts.
MorrisDesign morris_design(std::size_t trajectories, std::size_t dimensions, std::size_t levels,
                           RandomEngine& rng, std::size_t candidates = 0);

/// Campolongo et al. (2007) spread of a Morris design: sqrt(Σ_{m<l} d_ml²) over its trajectories.
double morris_spread(const MorrisDesign& design);

/// Maps each column j of a unit-cube design through the quantile of axes[j]: value = F_j⁻¹(u).
/// Each distribution is validated; throws icbsim::Error when the counts differ.
Eigen::MatrixXd to_parameter_values(const Eigen::MatrixXd& unit, const std::vector<cohort::Distribution>& axes);

}  // namespace icbsim::sweep

// Global sensitivity measures from evaluated sweep designs: Sobol' first-order and total indices
// (Saltelli 2010 and Jansen 1999 estimators) with bootstrap intervals, Morris μ* and σ, and partial
// rank correlation coefficients. Indices are dimensionless; Morris effects are in output units per
// unit of the unit-cube axis.
#pragma once

#include <cstddef>

#include <Eigen/Core>

#include "engine/core/random_stream.hpp"
#include "engine/sweep/design.hpp"

namespace icbsim::sweep {

/// Model outputs at a SaltelliDesign's points.
struct SaltelliOutputs {
  Eigen::VectorXd f_a;   ///< f(A), N
  Eigen::VectorXd f_b;   ///< f(B), N
  Eigen::MatrixXd f_ab;  ///< N × d; column i is f(A_B^(i))
};

/// Splits outputs evaluated at SaltelliDesign::stacked() (length N(d + 2), order A, B, A_B^(1..d)).
/// Throws icbsim::Error when the length is not a multiple of d + 2.
SaltelliOutputs split_saltelli_outputs(const Eigen::VectorXd& y, std::size_t dimensions);

/// First-order and total Sobol' indices of each input.
struct SobolIndices {
  Eigen::VectorXd first;  ///< S_i, d
  Eigen::VectorXd total;  ///< S_Ti, d
  double variance = 0.0;  ///< V, the output variance over the 2N points of A and B [output unit²]
};

/// S_i = mean(f(B)·(f(A_B^i) − f(A)))/V (Saltelli et al. 2010, Comput Phys Commun 181:259);
/// S_Ti = mean((f(A) − f(A_B^i))²)/(2V) (Jansen 1999, Comput Phys Commun 117:35). Throws
/// icbsim::Error for mismatched sizes, non-finite outputs or zero variance.
SobolIndices sobol_indices(const SaltelliOutputs& outputs);

/// Sobol' indices with percentile bootstrap intervals.
struct SobolIndicesInterval {
  SobolIndices estimate;       ///< from all N rows
  Eigen::VectorXd first_lower;  ///< d
  Eigen::VectorXd first_upper;
  Eigen::VectorXd total_lower;
  Eigen::VectorXd total_upper;
  double level = 0.0;  ///< coverage of each interval, e.g. 0.95
};

/// Bootstrap: `resamples` times, N rows (the same rows of f(A), f(B) and every f(A_B^i)) are drawn
/// with replacement and the indices recomputed; the interval is the (1 − level)/2 and (1 + level)/2
/// quantiles of the resampled indices (Efron's percentile interval; linear interpolation between
/// order statistics). Throws icbsim::Error for resamples < 2 or level outside (0, 1).
SobolIndicesInterval sobol_indices_bootstrap(const SaltelliOutputs& outputs, std::size_t resamples, double level,
                                             RandomEngine& rng);

/// Morris elementary-effect statistics of each input.
struct MorrisIndices {
  Eigen::VectorXd mu;       ///< mean elementary effect [output unit per unit-cube axis]
  Eigen::VectorXd mu_star;  ///< mean absolute elementary effect (Campolongo et al. 2007)
  Eigen::VectorXd sigma;    ///< sample standard deviation of the effects (denominator r − 1)
};

/// EE = (f(x_{k+1}) − f(x_k)) / (x_{k+1,i} − x_{k,i}) along each trajectory, i the axis changed at
/// that step (Morris 1991). y holds one output per design row. Throws icbsim::Error on size mismatch
/// or non-finite outputs.
MorrisIndices morris_indices(const MorrisDesign& design, const Eigen::VectorXd& y);

/// Ranks 1 .. n of the values, ties given their average rank.
Eigen::VectorXd ranks(const Eigen::VectorXd& values);

/// Partial rank correlation coefficient of each column of x with y (Marino et al. 2008, J Theor
/// Biol 254:178): rank-transform x and y, regress the ranks of x_i and of y on the ranks of the
/// other inputs (with intercept, least squares), and correlate the two residuals. Throws
/// icbsim::Error when n <= d + 1, sizes differ, values are not finite, or a residual vanishes.
Eigen::VectorXd prcc(const Eigen::MatrixXd& x, const Eigen::VectorXd& y);

}  // namespace icbsim::sweep

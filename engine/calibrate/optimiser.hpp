// A thin wrapper over NLopt's derivative-free local optimisers, minimising a function of
// coordinates in the unit box [0, 1]^n. The objective of a finite virtual cohort is piecewise
// constant (counts, event times), so the default is Subplex (Rowan 1990), a Nelder–Mead variant on
// subspaces that copes with noisy and flat objectives; Nelder–Mead and BOBYQA are available.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "engine/core/enum_table.hpp"

namespace icbsim::calibrate {

enum class Algorithm { kSubplex, kNelderMead, kBobyqa };
inline constexpr EnumTable<Algorithm, 3> kAlgorithmNames{{{
    {Algorithm::kSubplex, "subplex"},
    {Algorithm::kNelderMead, "nelder_mead"},
    {Algorithm::kBobyqa, "bobyqa"},
}}};

struct OptimiserSettings {
  Algorithm algorithm = Algorithm::kSubplex;
  std::size_t max_evaluations = 200;
  double xtol = 1e-3;          ///< stop when a step changes every coordinate by less (unit box)
  double ftol = 1e-6;          ///< stop when a step changes the objective by less (absolute)
  double initial_step = 0.1;   ///< first step in every coordinate (unit box)
  double stop_value = 0.0;     ///< stop when the objective reaches this value or less
};

struct OptimiserResult {
  std::vector<double> best;   ///< unit-box coordinates of the best point
  double best_value = 0.0;
  std::size_t evaluations = 0;
  std::string status;         ///< NLopt's reason for stopping, in words
};

/// Minimises f over [0, 1]^n from `start` (n = start.size()). An exception thrown by f stops the
/// optimiser and is re-thrown.
OptimiserResult minimise(const std::function<double(const std::vector<double>&)>& f, std::vector<double> start,
                         const OptimiserSettings& settings);

/// "NLopt 2.7.1 LN_SBPLX" etc.: the library version and algorithm, for records.
std::string optimiser_description(Algorithm algorithm);

}  // namespace icbsim::calibrate

// Sensitivity of every (arm, output) of a finished sweep: Sobol' indices with bootstrap intervals
// for a Saltelli design, Morris μ*/σ for a Morris design, PRCC for grid, Latin hypercube and
// Sobol' designs; and the printed table.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "engine/sweep/sensitivity.hpp"
#include "engine/sweep/sweep_outputs.hpp"
#include "engine/sweep/sweep_points.hpp"

namespace icbsim::sweep {

struct OutputAnalysis {
  std::string arm;
  OutputDefinition output;
  Eigen::VectorXd values;  ///< per point
  std::string problem;     ///< why no indices were computed (empty when they were)
  std::optional<SobolIndicesInterval> sobol;
  std::optional<MorrisIndices> morris;
  std::optional<Eigen::VectorXd> prcc;
};

struct SweepAnalysis {
  std::vector<OutputAnalysis> outputs;  ///< arm-major, outputs in the scenario's order
  std::string text;                     ///< the printed report
};

/// Analyses every output of `spec` for every arm. The bootstrap draws from the stream
/// (seed, task 0, kSweep, index 1), so the intervals are reproducible.
SweepAnalysis analyse_sweep(const SweepSpec& spec, const SweepPoints& points, const std::vector<OutputDefinition>& outputs,
                            const std::vector<std::string>& arms, const TaskTable& table, std::uint64_t seed);

}  // namespace icbsim::sweep

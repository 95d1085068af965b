// The points of a sweep: its design in the unit cube (grid, Latin hypercube, Sobol', Saltelli,
// Morris) and each point's axis values. Generated from (spec, seed) alone, so every rank and shard
// builds the same points.
#pragma once

#include <cstdint>
#include <optional>

#include <Eigen/Core>

#include "engine/sweep/design.hpp"
#include "engine/sweep/sweep_spec.hpp"

namespace icbsim::sweep {

struct SweepPoints {
  Eigen::MatrixXd unit;    ///< points × axes, coordinates in [0, 1]
  Eigen::MatrixXd values;  ///< points × axes, in each axis's unit (Axis::value_at of `unit`)
  std::optional<MorrisDesign> morris;  ///< the Morris design (its trajectories), for the analysis

  std::size_t size() const noexcept { return static_cast<std::size_t>(unit.rows()); }
};

/// Throws icbsim::Error for a design that cannot be built (e.g. a Morris design on an axis whose
/// distribution is unbounded).
SweepPoints make_sweep_points(const SweepSpec& spec, std::uint64_t seed);

}  // namespace icbsim::sweep

// The spatial mode of a systemic model, as registered in the ModelRegistry: the function that runs
// one task as a spatial (agent-based, lattice-coupled) patient, the model whose parameters describe
// the lattice (overlays change them under its name), and the spatial metrics it records. The engine
// calls it through this plain interface, so engine/ never includes models/ (docs/models/nsclc_spatial.md,
// "Spatial scenarios").
#pragma once

#include <array>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/core/task.hpp"
#include "engine/core/variable_spec.hpp"

namespace icbsim {

/// Lattice and step sizes of a spatial task (scenario section `spatial:`).
struct SpatialGrid {
  std::array<int, 3> voxels{60, 60, 1};  ///< voxels per axis; z = 1 for a 2-D section
  double voxel_um = 20.0;                ///< voxel edge [um]
  double step_days = 1.0 / 240.0;        ///< lattice step [day]
  int steps_per_coupling = 60;           ///< lattice steps per coupling interval
  int block_size = 6;                    ///< edge of the parallel-update blocks [voxels]

  double coupling_days() const noexcept { return step_days * steps_per_coupling; }
};

/// How one spatial task runs (besides its TaskInput).
struct SpatialRun {
  SpatialGrid grid;
  std::vector<double> snapshot_times;  ///< [day]; empty: no snapshots of this task
  int threads = 1;                     ///< OpenMP threads of the lattice
};

/// One recorded spatial metric; a class metric (levels non-empty) holds level codes.
struct SpatialMetricSpec {
  VariableSpec variable;
  std::span<const std::pair<std::string_view, int>> levels;
};

struct SpatialMode {
  std::string_view model;             ///< the systemic model it extends (e.g. nsclc_icb)
  std::string_view parameters_model;  ///< registered model holding the lattice parameters (e.g. nsclc_spatial)
  std::span<const SpatialMetricSpec> metrics;
  /// Runs one task: TaskInput::spatial_parameters, seed and stream must be set. Returns the
  /// systemic model's rows (trajectories, samples), TaskOutput::spatial_metrics [metric][output
  /// time] and the snapshots at SpatialRun::snapshot_times. Throws on failure.
  TaskOutput (*run)(const TaskInput& input, const SpatialRun& run) = nullptr;
};

}  // namespace icbsim

// The `spatial:` section of a scenario as plain data: the model's registered spatial mode, the
// lattice parameters (scenario overrides applied; overlays are applied per task by the plan), the
// lattice and step sizes, and which tasks are snapshotted when. Read by engine/io/spatial_loader.
#pragma once

#include <cstddef>
#include <vector>

#include "engine/core/model_info.hpp"
#include "engine/core/spatial_mode.hpp"

namespace icbsim {

struct SpatialSpec {
  SpatialMode mode;                          ///< from the registry (runner, parameter model, metrics)
  const ModelInfo* parameters_model = nullptr;  ///< the model named by mode.parameters_model
  std::vector<double> parameters;            ///< its parameters, declaration order, declared units
  SpatialGrid grid;
  std::vector<double> snapshot_times;        ///< ascending [day]
  std::vector<std::size_t> snapshot_tasks;   ///< ascending global task ids

  /// True when global task `task` is snapshotted.
  bool snapshots(std::size_t task) const;
};

}  // namespace icbsim

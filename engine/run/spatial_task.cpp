// Spatial tasks: overlays on the lattice parameters and the call of the spatial mode.
#include "engine/run/spatial_task.hpp"

#include <omp.h>

#include "engine/core/errors.hpp"

namespace icbsim {

std::vector<double> spatial_task_parameters(const Scenario& scenario, const std::vector<bool>& carries,
                                            std::size_t arm) {
  const SpatialSpec& spec = *scenario.spatial;
  const ModelInfo& model = *spec.parameters_model;
  std::vector<double> p = spec.parameters;
  apply_overlays(scenario.overlays, model, p);
  if (scenario.population)
    for (std::size_t k = 0; k < carries.size() && k < scenario.population->overlays.size(); ++k)
      if (carries[k]) apply_overlay(scenario.population->overlays[k].overlay, model, p);
  if (!scenario.arms.empty()) apply_overlays(scenario.arms[arm].overlays, model, p);
  return p;
}

TaskOutput run_spatial_task(const Scenario& scenario, const TaskInput& input, bool snapshots) {
  const SpatialSpec& spec = *scenario.spatial;
  if (input.resume || input.stop_at)
    throw Error("spatial tasks cannot be checkpointed or continued from a checkpoint");
  SpatialRun run;
  run.grid = spec.grid;
  if (snapshots) run.snapshot_times = spec.snapshot_times;
  run.threads = omp_in_parallel() ? 1 : omp_get_max_threads();
  return spec.mode.run(input, run);
}

}  // namespace icbsim

// Test support: runs (a slice of) a scenario through run_plan into an HDF5 result file.
#pragma once

#include <filesystem>

#include "engine/io/results/result_writer.hpp"
#include "engine/run/plan.hpp"
#include "engine/run/runner.hpp"

namespace icbsim::testing {

/// Runs the tasks `range` of `scenario` into `path` (created or replaced); returns the run's report.
inline RunReport run_to_file(const Scenario& scenario, const std::filesystem::path& path, TaskRange range = {}) {
  const Plan plan(scenario, range);
  Hdf5ResultWriter writer(path.string(), scenario, plan);
  return run_plan(scenario, plan, writer);
}

}  // namespace icbsim::testing

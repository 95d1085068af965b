// Loads a calibration config (docs/calibration.md) into a CalibrationProblem: the trial scenarios
// (paths relative to the config), the free parameters with bounds and start values, the targets
// with their published values, scales and sources, the optimiser settings and the output files.
// Every check happens here, with file:line:column of the offending node.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/calibrate/calibration.hpp"
#include "engine/core/model_registry.hpp"

namespace icbsim {

struct CalibrationConfig {
  std::string path;        ///< the config file as named
  std::string text;        ///< its text exactly as read
  std::string description;
  std::uint64_t seed = 0;  ///< scenario k runs with seed + k in every evaluation
  std::size_t patients = 0;  ///< population size of every scenario during the fit (0: as the scenarios say)
  calibrate::CalibrationProblem problem;
  /// The overlay files the fitted values are written to (resolved paths; each parameter's group).
  std::vector<std::string> overlays;
  std::string record;      ///< HDF5 record of the fit (resolved path; empty: none)
};

/// Reads and validates the calibration config at `path`.
CalibrationConfig load_calibration_config(const std::string& path, const ModelRegistry& registry);

}  // namespace icbsim

// The HDF5 record of a calibration (docs/calibration.md): the free parameters and targets, every
// evaluation's parameter values, simulated statistics and objective, the final (best) values, and
// as attributes the config text, the optimiser, the seed and the icbsim version.
#pragma once

#include <string>

#include "engine/calibrate/calibration.hpp"
#include "engine/io/calibration/calibration_loader.hpp"

namespace icbsim {

/// Writes the record to `path` (via a temporary file renamed when complete). Throws IoError.
void write_calibration_record(const std::string& path, const CalibrationConfig& config,
                              const calibrate::CalibrationResult& result, double wall_seconds);

}  // namespace icbsim

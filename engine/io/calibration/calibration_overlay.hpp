// The fitted values of a calibration as scenario YAML: a partial scenario (parameters:,
// population: distributions/prevalence/correlations) that trial scenarios list under `base:`
// after the population it refines (docs/calibration.md).
#pragma once

#include <string>
#include <vector>

#include "engine/io/calibration/calibration_loader.hpp"

namespace icbsim {

/// The overlay text of the parameters whose group is `overlay_path`, at `values` (one per free
/// parameter), below the comment lines of `header`.
std::string calibration_overlay_text(const CalibrationConfig& config, const std::vector<double>& values,
                                     const std::string& overlay_path, const std::string& header);

/// Writes every overlay file of the config; throws IoError when one cannot be written.
void write_calibration_overlays(const CalibrationConfig& config, const std::vector<double>& values,
                                const std::string& header);

}  // namespace icbsim

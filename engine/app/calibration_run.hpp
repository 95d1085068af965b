// `icbsim calibrate CONFIG` without the printing: load the calibration config, fit, write the
// fitted overlay(s) and the HDF5 record of every evaluation (docs/calibration.md).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "engine/calibrate/calibration.hpp"
#include "engine/core/model_registry.hpp"
#include "engine/io/calibration/calibration_loader.hpp"

namespace icbsim::app {

/// A finished fit: its config, every evaluation and the wall time.
struct CalibrationRun {
  CalibrationConfig config;
  calibrate::CalibrationResult result;
  double wall_seconds = 0;
  const calibrate::Evaluation& best() const { return result.evaluations.at(result.best); }
};

/// Called after each evaluation with its index, the evaluation and the problem being fitted.
using CalibrationProgress =
    std::function<void(std::size_t, const calibrate::Evaluation&, const calibrate::CalibrationProblem&)>;

/// Fits the config at `path` (`max_evaluations` overrides its optimiser's budget), calling
/// `on_evaluation` after each evaluation, and writes its overlays and record. The files the config
/// names count as typed output names: an icbsim file there is replaced, anything else only with
/// `overwrite` (checked before fitting).
CalibrationRun run_calibration(const std::string& path, std::optional<std::size_t> max_evaluations,
                               const ModelRegistry& registry, const CalibrationProgress& on_evaluation,
                               bool overwrite = false);

}  // namespace icbsim::app

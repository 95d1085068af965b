// The trial report of a result file as data: rebuilt from the file's task and outcome columns
// with the scenario stored in it, for merging and for `icbsim summary --format json|csv|markdown`.
#pragma once

#include <string>

#include "engine/cohort/trial_report.hpp"
#include "engine/core/model_registry.hpp"
#include "engine/io/h5/hdf5_handle.hpp"
#include "engine/run/scenario.hpp"

namespace icbsim {

/// The report of the open result file `file` of `scenario` (a cohort with a readout).
cohort::TrialReport trial_report_of(hid_t file, const Scenario& scenario);

/// The report of the result file at `path`. ScenarioError when the file holds no trial report (a
/// single patient, a sweep, a run without readout); IoError when the report rebuilt from the
/// columns differs from the text stored in the file.
cohort::TrialReport read_trial_report(const std::string& path, const ModelRegistry& registry);

}  // namespace icbsim

// The trial report of a result file in the forms a paper table or a pipeline wants: JSON, CSV
// (one row per group) and Markdown (`icbsim summary FILE --format ...`). Survival in months.
#pragma once

#include <string>

#include "engine/cohort/trial_report.hpp"

namespace icbsim::cohort {

std::string report_json(const TrialReport& report);
std::string report_csv(const TrialReport& report);
std::string report_markdown(const TrialReport& report);

}  // namespace icbsim::cohort

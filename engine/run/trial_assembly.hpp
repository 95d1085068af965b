// The trial report of a cohort run, assembled one way for the runner (from task records) and the
// result merger (from a file's columns): the plan's arms, the population's mechanisms, the strata.
#pragma once

#include <string>
#include <vector>

#include "engine/cohort/trial_report.hpp"
#include "engine/run/plan.hpp"
#include "engine/run/scenario.hpp"

namespace icbsim {

/// The mechanisms whose carriers the report compares: the population's overlays, in order.
std::vector<std::string> reported_mechanisms(const Scenario& scenario);

/// The report of `tasks` (one summary per task of `plan`, in task order).
cohort::TrialReport assemble_trial_report(const Scenario& scenario, const Plan& plan,
                                          const std::vector<cohort::TaskSummary>& tasks);

}  // namespace icbsim

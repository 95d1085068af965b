// Trial report assembly shared by the runner and the merger.
#include "engine/run/trial_assembly.hpp"

namespace icbsim {

std::vector<std::string> reported_mechanisms(const Scenario& scenario) {
  std::vector<std::string> mechanisms;
  if (scenario.population)
    for (const auto& o : scenario.population->overlays) mechanisms.push_back(o.overlay.name);
  return mechanisms;
}

cohort::TrialReport assemble_trial_report(const Scenario& scenario, const Plan& plan,
                                          const std::vector<cohort::TaskSummary>& tasks) {
  const std::vector<std::string> strata = scenario.strata ? scenario.strata->labels : std::vector<std::string>{};
  return cohort::make_trial_report(tasks, plan.arm_names(), reported_mechanisms(scenario), strata);
}

}  // namespace icbsim

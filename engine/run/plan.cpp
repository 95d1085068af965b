// Task planning: a single patient for schema v1 scenarios, with its readout sample times.
#include "engine/run/plan.hpp"

#include <algorithm>

#include "engine/readout/calendar.hpp"
#include "engine/run/treatment_binding.hpp"

namespace icbsim {

Plan plan_run(const Scenario& scenario) {
  Plan plan;
  TaskInput task;
  task.parameters = scenario.parameters;
  task.initial_state = scenario.initial_state;
  task.t_start = scenario.time.start;
  task.t_end = scenario.time.end;
  task.output_times = output_grid(scenario.time);
  task.solver = scenario.solver;
  if (scenario.treatment) bind_treatment(*scenario.model, *scenario.treatment, scenario.patient, task);
  if (scenario.readout) {
    plan.scan_times = readout::scan_times(scenario.readout->scans, scenario.time.end);
    plan.pre_baseline_scan = scenario.readout->scans.pre_treatment;
    // Samples: the scans, and a weekly grid from the first scan for the death rule.
    std::vector<double>& s = task.sample_times;
    s = plan.scan_times;
    if (plan.pre_baseline_scan) s.push_back(*plan.pre_baseline_scan);
    if (scenario.readout->settings.surgery_day) s.push_back(*scenario.readout->settings.surgery_day);
    const double first = plan.pre_baseline_scan.value_or(plan.scan_times.front());
    for (double t = first; t < scenario.time.end; t += readout::kDaysPerWeek) s.push_back(t);
    s.push_back(scenario.time.end);
    std::sort(s.begin(), s.end());
    s.erase(std::unique(s.begin(), s.end()), s.end());
  }
  plan.tasks.push_back(std::move(task));
  return plan;
}

}  // namespace icbsim

// Integration, then the patient readout with the task's own measurement stream.
#include "engine/run/execute_task.hpp"

#include <algorithm>
#include <exception>
#include <span>

namespace icbsim {

TaskResult execute_task(const Scenario& scenario, const Plan& plan, std::size_t id) {
  TaskResult result;
  const TaskInput& input = plan.tasks[id];
  try {
    result.output = scenario.model->simulate(input);
    if (scenario.readout) {
      const ReadoutPlan& r = *scenario.readout;
      const std::size_t n = input.sample_times.size();
      const std::span<const double> sizes(result.output.samples.data() + r.tumour.row * n, n);
      readout::TreatmentExposure exposure;
      for (const DoseEvent& d : input.doses) exposure.dose_times.push_back(d.time);
      const double start = exposure.dose_times.empty()
                               ? plan.scan_times.front()
                               : *std::min_element(exposure.dose_times.begin(), exposure.dose_times.end());
      RandomEngine rng = random_stream(scenario.seed, id, StreamPurpose::kMeasurement);
      result.readout = readout::read_patient(r.tumour, r.settings, input.sample_times, sizes, plan.scan_times,
                                             plan.pre_baseline_scan, exposure, start, input.t_end, rng);
    }
  } catch (const std::exception& e) {  // SolverError, or a model or readout refusing its input
    result.ok = false;
    result.failure = e.what();
    result.readout.reset();
  }
  return result;
}

}  // namespace icbsim

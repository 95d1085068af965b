// OpenMP task loop; sink writes are serialised, rows are addressed by task id.
#include "engine/run/runner.hpp"

#include <omp.h>

#include <chrono>
#include <exception>
#include <tuple>

#include "engine/run/execute_task.hpp"

namespace icbsim {

RunReport run_plan(const Scenario& scenario, const Plan& plan, ResultSink& sink, const ProgressCallback& progress) {
  const auto start = std::chrono::steady_clock::now();
  RunReport report;
  report.tasks = plan.size();
  report.threads = omp_get_max_threads();
  std::size_t done = 0;
  std::exception_ptr sink_error;  // an I/O failure stops the run after the loop
  const auto n = static_cast<long long>(plan.size());
#pragma omp parallel for schedule(dynamic, 1)
  for (long long i = 0; i < n; ++i) {
    const auto id = static_cast<std::size_t>(i);
    TaskRecord record;
    record.task = id;
    TaskLabel label;
    TaskInput input;
    TaskResult result;
    try {
      input = plan.task(id, &label);
      result = execute_task(scenario, plan, id, input, label.arm);
    } catch (const std::exception& e) {  // the patient could not be drawn or treated
      result.ok = false;
      result.failure = e.what();
      std::tie(label.patient, label.arm) = plan.patient_and_arm(id);
    }
    record.patient = label.patient;
    record.arm = label.arm;
    record.carries = label.carries;
    record.ok = result.ok;
    record.failure = result.failure;
    record.output = result.ok ? &result.output : nullptr;
    record.readout = result.readout ? &*result.readout : nullptr;
    record.parameters = input.parameters;
    record.doses = input.doses;
    record.doses_given = result.doses_given;
#pragma omp critical(icbsim_result_sink)
    {
      if (!sink_error) {
        try {
          sink.write_task(record);
          if (!record.ok) ++report.failed;
          ++done;
          if (progress) progress(done, plan.size());
        } catch (...) {
          sink_error = std::current_exception();
        }
      }
    }
  }
  if (sink_error) std::rethrow_exception(sink_error);
  report.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  sink.finish(RunMetadata{report.wall_seconds, report.threads, report.failed});
  return report;
}

}  // namespace icbsim

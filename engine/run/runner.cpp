// OpenMP task loop; sink writes are serialised, rows are addressed by task id.
#include "engine/run/runner.hpp"

#include <omp.h>

#include <chrono>
#include <exception>

#include "engine/run/execute_task.hpp"

namespace icbsim {

RunReport run_plan(const Scenario& scenario, const Plan& plan, ResultSink& sink, const ProgressCallback& progress) {
  const auto start = std::chrono::steady_clock::now();
  RunReport report;
  report.tasks = plan.tasks.size();
  report.threads = omp_get_max_threads();
  std::size_t done = 0;
  std::exception_ptr sink_error;  // an I/O failure stops the run after the loop
  const auto n = static_cast<long long>(plan.tasks.size());
#pragma omp parallel for schedule(dynamic, 1)
  for (long long i = 0; i < n; ++i) {
    const auto id = static_cast<std::size_t>(i);
    const TaskResult result = execute_task(scenario, plan, id);
    TaskRecord record;
    record.task = id;
    record.ok = result.ok;
    record.failure = result.failure;
    record.output = result.ok ? &result.output : nullptr;
    record.readout = result.readout ? &*result.readout : nullptr;
    record.parameters = plan.tasks[id].parameters;
    record.doses_given = result.doses_given;
#pragma omp critical(icbsim_result_sink)
    {
      if (!sink_error) {
        try {
          sink.write_task(record);
          if (!record.ok) ++report.failed;
          ++done;
          if (progress) progress(done, plan.tasks.size());
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

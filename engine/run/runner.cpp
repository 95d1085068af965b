// OpenMP task loop; sink writes are serialised (the sink's parallel part runs in drain()), rows are
// addressed by task id.
#include "engine/run/runner.hpp"

#include <omp.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <limits>
#include <tuple>

#include "engine/cohort/trial_report.hpp"
#include "engine/run/execute_task.hpp"
#include "engine/run/trial_assembly.hpp"

namespace icbsim {

namespace {
cohort::TaskSummary summarise(const TaskRecord& r, const std::optional<Stratification>& strata) {
  cohort::TaskSummary s;
  if (strata && strata->by_tps) {
    s.stratum = strata->stratum_of(r.readout ? r.readout->tps_pct : std::numeric_limits<double>::quiet_NaN());
  } else if (strata && strata->index < r.parameters.size()) {
    s.stratum = strata->stratum_of(r.parameters[strata->index]);
  }
  s.arm = static_cast<std::uint16_t>(r.arm);
  s.ok = r.ok && r.readout != nullptr;
  s.carries = r.carries;
  if (s.ok) {
    s.best = r.readout->best_response;
    s.sitc = r.readout->sitc;
    s.hyperprogression = r.readout->hyperprogression;
    s.progression_reason = r.readout->progression_reason;
    s.pfs_days = static_cast<float>(r.readout->pfs.time);
    s.pfs_event = r.readout->pfs.event;
    s.os_days = static_cast<float>(r.readout->os.time);
    s.os_event = r.readout->os.event;
  }
  return s;
}
}  // namespace

RunReport run_plan(const Scenario& scenario, const Plan& plan, ResultSink& sink, const ProgressCallback& progress,
                   const std::atomic<bool>* interrupt) {
  const auto start = std::chrono::steady_clock::now();
  RunReport report;
  report.tasks = plan.size();
  report.threads = omp_get_max_threads();
  std::size_t done = 0;
  std::exception_ptr sink_error;  // an I/O failure stops the run after the loop
  // A trial report compares arms over one cohort; a sweep's tasks span many points instead.
  const bool trial = scenario.readout && !scenario.sweep;
  std::vector<cohort::TaskSummary> summaries(trial ? plan.size() : 0);
  const auto n = static_cast<long long>(plan.size());
  // One task alone runs outside a parallel region, so a spatial task's lattice can use the threads.
#pragma omp parallel for schedule(dynamic, 1) if (n > 1)
  for (long long i = 0; i < n; ++i) {
    const auto id = static_cast<std::size_t>(i);
    TaskRecord record;
    record.task = id;
    TaskLabel label;
    TaskInput input;
    TaskResult result;
    if (interrupt != nullptr && interrupt->load()) {
      result.ok = false;
      result.failure = "not run: the run was interrupted";
      record.not_run = true;
      std::tie(label.patient, label.arm) = plan.patient_and_arm(id);
    } else {
      try {
        input = plan.task(id, &label);
        result = execute_task(scenario, plan, id, input, label);
      } catch (const std::exception& e) {  // the patient could not be drawn or treated
        result.ok = false;
        result.failure = e.what();
        std::tie(label.patient, label.arm) = plan.patient_and_arm(id);
      }
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
          if (trial) summaries[id] = summarise(record, scenario.strata);
          if (record.not_run) {
            ++report.not_run;  // not counted as done: the progress of an interrupted run stops short
          } else {
            if (!record.ok) ++report.failed;
            ++done;
            if (progress) progress(done, plan.size());
          }
        } catch (...) {
          sink_error = std::current_exception();
        }
      }
    }
    try {
      sink.drain();
    } catch (...) {
#pragma omp critical(icbsim_result_sink)
      if (!sink_error) sink_error = std::current_exception();
    }
  }
  if (sink_error) std::rethrow_exception(sink_error);
  if (trial) {
    report.trial_report = assemble_trial_report(scenario, plan, summaries).text;
    sink.write_report(report.trial_report);
  }
  report.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  sink.finish(RunMetadata{report.wall_seconds, report.threads, report.failed, report.not_run});
  return report;
}

}  // namespace icbsim

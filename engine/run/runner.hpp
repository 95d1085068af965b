// Runs the tasks of a plan on all OpenMP threads, sending each result to a sink. A task whose
// integration fails is recorded with its reason; the others complete.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>

#include "engine/run/plan.hpp"
#include "engine/run/result_sink.hpp"

namespace icbsim {

struct RunReport {
  std::size_t tasks = 0;
  std::size_t failed = 0;
  double wall_seconds = 0.0;
  int threads = 1;
  std::string trial_report;  ///< empty without a readout
  std::size_t not_run = 0;   ///< tasks skipped after an interruption
};

/// Called after each task completes with (tasks done, tasks total); from one thread at a time.
using ProgressCallback = std::function<void(std::size_t, std::size_t)>;

/// Runs every task; with a readout, also builds the trial report, stores it in the sink and returns
/// its text in RunReport::trial_report.
/// When `interrupt` becomes true, tasks not yet started are recorded as not run and the tasks in
/// flight complete; the sink is still finished (see Hdf5ResultWriter for what that means).
RunReport run_plan(const Scenario& scenario, const Plan& plan, ResultSink& sink, const ProgressCallback& progress = {},
                   const std::atomic<bool>* interrupt = nullptr);

}  // namespace icbsim

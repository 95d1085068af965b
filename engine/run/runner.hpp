// Runs the tasks of a plan on all OpenMP threads, sending each result to a sink. A task whose
// integration fails is recorded with its reason; the others complete.
#pragma once

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
};

/// Called after each task completes with (tasks done, tasks total); from one thread at a time.
using ProgressCallback = std::function<void(std::size_t, std::size_t)>;

/// Runs every task; with a readout, also builds the trial report, stores it in the sink and returns
/// its text in RunReport::trial_report.
RunReport run_plan(const Scenario& scenario, const Plan& plan, ResultSink& sink, const ProgressCallback& progress = {});

}  // namespace icbsim

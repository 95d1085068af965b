// Where the runner sends task results. The engine knows only this interface; io implements it
// with an HDF5 file, tests with memory. Rows are indexed by task id, so the order in which tasks
// complete never matters.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "engine/core/task.hpp"
#include "engine/readout/patient_readout.hpp"

namespace icbsim {

/// Outcome of one task.
struct TaskRecord {
  std::size_t task = 0;
  bool ok = true;
  bool not_run = false;              ///< skipped because the run was interrupted (then !ok)
  std::string failure;               ///< reason when !ok
  const TaskOutput* output = nullptr;  ///< null when !ok
  const readout::PatientReadout* readout = nullptr;  ///< null without a readout plan or when !ok
  std::span<const double> parameters;  ///< resolved parameter values of this task
  std::span<const DoseEvent> doses;    ///< the task's planned doses (empty when it never got inputs)
  std::size_t doses_given = 0;         ///< the first doses of the task's plan that were given
  std::size_t patient = 0;             ///< virtual patient of the task
  std::size_t arm = 0;                 ///< arm (or panel entry) of the task
  std::vector<bool> carries;           ///< population overlays the patient carries
};

/// Facts about the whole run, written once at the end.
struct RunMetadata {
  double wall_seconds = 0.0;
  int threads = 1;
  std::size_t failed_tasks = 0;
  std::size_t not_run_tasks = 0;  ///< > 0: the run was interrupted; the result is not whole
};

class ResultSink {
 public:
  virtual ~ResultSink() = default;
  /// Stores one task's result; called from one thread at a time.
  virtual void write_task(const TaskRecord& record) = 0;
  /// Does the part of storing results that may run on several threads at once (encoding finished
  /// blocks); called by every worker after its write_task, outside the serialised section.
  virtual void drain() {}
  /// Stores the run's report text (before finish).
  virtual void write_report(const std::string& text) = 0;
  /// Completes the run; after this the result is visible as whole.
  virtual void finish(const RunMetadata& metadata) = 0;
};

}  // namespace icbsim

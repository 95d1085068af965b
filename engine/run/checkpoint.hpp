// Checkpoints as plain data: every task of a scenario integrated up to one time t_c, with what a
// restart or a branch needs to continue it (docs/checkpoints.md). Taking a checkpoint, and the
// inputs of a task that continues from one. Files: engine/io/checkpoint_file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/core/task.hpp"
#include "engine/run/scenario.hpp"

namespace icbsim {

class Plan;

/// One task at the checkpoint.
struct TaskCheckpoint {
  std::size_t task = 0;     ///< global task id in the checkpointed scenario
  std::size_t stream = 0;   ///< the id keying its random streams (Plan::stream_id)
  std::size_t patient = 0;  ///< virtual patient
  std::size_t arm = 0;      ///< arm of the checkpointed scenario
  std::vector<bool> carries;          ///< population overlays the patient carries
  std::string failure;                ///< why the task did not reach t_c (empty: it did)
  std::vector<double> parameters;     ///< as integrated; empty when the patient could not be drawn
  std::vector<double> initial_state;  ///< at the task's start
  std::vector<DoseEvent> doses;       ///< planned; those starting before t_c were given
  std::shared_ptr<const IntegrationState> state;  ///< at t_c; null when the task failed before
};

struct Checkpoint {
  double time = 0.0;  ///< t_c [day]
  std::string model;
  std::uint64_t seed = 0;
  std::vector<TaskCheckpoint> tasks;  ///< every task of the scenario, by global id
};

/// How a scenario's tasks continue from a checkpoint.
struct Continuation {
  std::shared_ptr<const Checkpoint> checkpoint;
  /// false: a restart — the checkpointed scenario itself, task for task. true: a branch — the
  /// scenario's arms are new treatments from t_c, and task (patient p, arm a) continues checkpoint
  /// task p with its history before t_c fixed.
  bool branch = false;
};

/// Called with (tasks done, tasks total), from one thread at a time.
using CheckpointProgress = std::function<void(std::size_t, std::size_t)>;

/// Throws Error unless `time` can be a checkpoint of the scenario: strictly inside its time span,
/// listed under its checkpoints (so that every run restarts the integration there), and no sweep.
void check_checkpoint_time(const Scenario& scenario, double time);

/// Integrates every task of the scenario up to `time` (on all OpenMP threads) and keeps its
/// state there. A task that fails before `time` is kept with its reason.
Checkpoint take_checkpoint(const Scenario& scenario, double time, const CheckpointProgress& progress = {});

/// The checkpoint task that task `global` of a continued scenario with `arms` arms continues.
const TaskCheckpoint& continued_checkpoint_task(const Continuation& continuation, std::size_t global,
                                                std::size_t arms) noexcept;

/// Throws Error when the continuation does not fit a scenario of `total_tasks` tasks of which
/// `patients` per arm: another model, another task count, a time that is not a checkpoint.
void check_continuation_shape(const Scenario& scenario, std::size_t total_tasks, std::size_t patients);

/// The inputs of a task that continues `checkpoint`: its patient (parameters, initial state) with
/// `treatment` bound, resuming at t_c. Throws Error when the task's history differs from the
/// checkpoint's (doses before t_c; for a restart all doses and the parameters), and the stored
/// reason when its patient could not be drawn. A task that failed before t_c starts from t_start.
TaskInput continued_task(const Scenario& scenario, const TaskInput& base, const TaskCheckpoint& checkpoint,
                         const Treatment* treatment);

/// A later pass of a task (after a stop or switch decided by the readout) continues from the
/// checkpoint only if it shares the first pass's history up to it: drops `pass.resume` unless the
/// parameters and the doses before t_c are the same, or the history is fixed (a branch).
void keep_resume_if_same_history(TaskInput& pass, const TaskInput& first);

/// Builds every task of a continued plan once, before any work: throws Error naming the first
/// task whose inputs do not match its checkpoint.
void check_continuation(const Plan& plan);

}  // namespace icbsim

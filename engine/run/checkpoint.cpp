// Taking a checkpoint (every task integrated up to t_c) and continuing tasks from one.
#include "engine/run/checkpoint.hpp"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <exception>
#include <tuple>

#include "engine/core/errors.hpp"
#include "engine/run/plan.hpp"
#include "engine/run/treatment_binding.hpp"

namespace icbsim {
namespace {

bool same_dose(const DoseEvent& a, const DoseEvent& b) {
  return a.time == b.time && a.target == b.target && a.amount == b.amount && a.duration == b.duration;
}

/// Whether the doses starting before `t` are the same, in the same order.
bool same_doses_before(const std::vector<DoseEvent>& a, const std::vector<DoseEvent>& b, double t) {
  std::vector<const DoseEvent*> x, y;
  for (const DoseEvent& d : a)
    if (d.time < t) x.push_back(&d);
  for (const DoseEvent& d : b)
    if (d.time < t) y.push_back(&d);
  return std::equal(x.begin(), x.end(), y.begin(), y.end(), [](const DoseEvent* p, const DoseEvent* q) { return same_dose(*p, *q); });
}

std::string day_text(double t) {
  std::string s = std::to_string(t);
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.') s.pop_back();
  return "day " + s;
}

}  // namespace

void check_checkpoint_time(const Scenario& scenario, double time) {
  if (scenario.sweep) throw Error("checkpoints of a sweep are not supported: checkpoint a scenario without sweep:");
  if (!(time > scenario.time.start && time < scenario.time.end))
    throw Error("the checkpoint time (" + day_text(time) + ") lies outside the run, which spans " +
                day_text(scenario.time.start) + " to " + day_text(scenario.time.end) + " (exclusive)");
  if (std::find(scenario.checkpoints.begin(), scenario.checkpoints.end(), time) == scenario.checkpoints.end())
    throw Error(day_text(time) + " is not among the scenario's checkpoints: (every run must restart its integration there)");
}

Checkpoint take_checkpoint(const Scenario& scenario, double time, const CheckpointProgress& progress) {
  check_checkpoint_time(scenario, time);
  const Plan plan(scenario);
  Checkpoint checkpoint;
  checkpoint.time = time;
  checkpoint.model = std::string(scenario.model->name);
  checkpoint.seed = scenario.seed;
  checkpoint.tasks.resize(plan.size());
  std::size_t done = 0;
  const auto n = static_cast<long long>(plan.size());
#pragma omp parallel for schedule(dynamic, 1)
  for (long long i = 0; i < n; ++i) {
    const auto id = static_cast<std::size_t>(i);
    TaskCheckpoint& c = checkpoint.tasks[id];
    c.task = plan.global_id(id);
    c.stream = plan.stream_id(id);
    TaskLabel label;
    try {
      TaskInput input = plan.task(id, &label);
      c.parameters = input.parameters;
      c.initial_state = input.initial_state;
      c.doses = input.doses;
      input.stop_at = time;
      TaskOutput out = scenario.model->simulate(input);
      c.state = std::make_shared<const IntegrationState>(std::move(*out.captured));
    } catch (const std::exception& e) {  // the patient could not be drawn, or the integration failed
      c.failure = e.what();
      std::tie(label.patient, label.arm) = plan.patient_and_arm(id);
    }
    c.patient = label.patient;
    c.arm = label.arm;
    c.carries = label.carries;
#pragma omp critical(icbsim_checkpoint_progress)
    {
      ++done;
      if (progress) progress(done, plan.size());
    }
  }
  return checkpoint;
}

const TaskCheckpoint& continued_checkpoint_task(const Continuation& continuation, std::size_t global,
                                                std::size_t arms) noexcept {
  return continuation.checkpoint->tasks[continuation.branch ? global / arms : global];
}

void check_continuation_shape(const Scenario& scenario, std::size_t total_tasks, std::size_t patients) {
  const Continuation& c = *scenario.continuation;
  const Checkpoint& k = *c.checkpoint;
  if (k.model != scenario.model->name)
    throw Error("the checkpoint is of model '" + k.model + "', the scenario of model '" +
                std::string(scenario.model->name) + "'");
  check_checkpoint_time(scenario, k.time);
  if (c.branch && scenario.allocation != Allocation::kPaired)
    throw Error("a branch gives every checkpointed patient every arm (paired allocation)");
  const std::size_t expected = c.branch ? patients : total_tasks;
  if (k.tasks.size() != expected)
    throw Error("the checkpoint holds " + std::to_string(k.tasks.size()) + " task(s), the scenario " +
                (c.branch ? "has " + std::to_string(patients) + " patient(s)" : "has " + std::to_string(total_tasks) + " task(s)") +
                ": it was taken from another scenario");
}

TaskInput continued_task(const Scenario& scenario, const TaskInput& base, const TaskCheckpoint& checkpoint,
                         const Treatment* treatment) {
  if (checkpoint.parameters.empty()) throw Error(checkpoint.failure);  // as in the checkpointed run
  const Continuation& c = *scenario.continuation;
  const double t = c.checkpoint->time;
  TaskInput task = base;
  task.parameters = checkpoint.parameters;
  task.initial_state = checkpoint.initial_state;
  if (treatment) bind_treatment(*scenario.model, *treatment, scenario.patient, task);
  const std::string which = "task " + std::to_string(checkpoint.task) + " of the checkpoint";
  if (!same_doses_before(task.doses, checkpoint.doses, c.branch ? t : std::numeric_limits<double>::infinity()))
    throw Error(which + ": its doses " + (c.branch ? "before " + day_text(t) + " " : "") +
                "differ from the checkpoint's; the checkpoint was taken from another scenario or treatment");
  if (!c.branch && task.parameters != checkpoint.parameters)
    throw Error(which + ": its parameters differ from the checkpoint's; the checkpoint was taken from another scenario");
  task.resume = checkpoint.state;  // null after a failure: the task starts again and fails as it did
  if (c.branch) task.fixed_history_until = t;
  return task;
}

void keep_resume_if_same_history(TaskInput& pass, const TaskInput& first) {
  if (!pass.resume || std::isfinite(pass.fixed_history_until)) return;  // a branch's history is fixed
  if (pass.parameters != first.parameters || !same_doses_before(pass.doses, first.doses, pass.resume->time))
    pass.resume.reset();
}

void check_continuation(const Plan& plan) {
  const Continuation& c = *plan.scenario().continuation;
  if (!c.branch) {  // a restart: the scenario must build every task as the checkpointed run did
    Scenario plain = plan.scenario();
    plain.continuation.reset();
    const Plan straight(plain);
    for (std::size_t id = 0; id < straight.size(); ++id) {
      const TaskCheckpoint& k = c.checkpoint->tasks[straight.global_id(id)];
      if (k.parameters.empty()) continue;  // its patient could not be drawn: the task fails as it did
      const TaskInput input = straight.task(id);
      const std::string which = "task " + std::to_string(k.task) + " of the checkpoint";
      if (input.parameters != k.parameters || input.initial_state != k.initial_state)
        throw Error(which + ": its parameters or initial state differ from the checkpoint's; the checkpoint was taken "
                            "from another scenario");
      if (!same_doses_before(input.doses, k.doses, std::numeric_limits<double>::infinity()))
        throw Error(which + ": its doses differ from the checkpoint's; the checkpoint was taken from another scenario");
    }
  }
  for (std::size_t id = 0; id < plan.size(); ++id) {
    const TaskCheckpoint& k = continued_checkpoint_task(c, plan.global_id(id), plan.arm_names().size());
    if (k.parameters.empty()) continue;  // its patient could not be drawn: the task fails as it did
    if (!c.branch && plan.patient_and_arm(id).second != k.arm)
      throw Error("task " + std::to_string(k.task) + " of the checkpoint is in another arm than in the scenario");
    plan.task(id);
  }
}

}  // namespace icbsim

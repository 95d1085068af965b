// Step schedule: registration, execution and the printable order.
#include "engine/abm/step_schedule.hpp"

#include "engine/core/errors.hpp"

namespace icbsim::abm {

void StepSchedule::add(Operation op) {
  if (op.every < 1) throw Error("operation '" + op.name + "' must run at least every step (every >= 1)");
  if (!op.run) throw Error("operation '" + op.name + "' has nothing to run");
  for (const auto& existing : operations_)
    if (existing.name == op.name) throw Error("operation '" + op.name + "' is scheduled twice");
  operations_.push_back(std::move(op));
}

void StepSchedule::run(std::uint64_t step) const {
  for (const auto& op : operations_)
    if (step % op.every == 0) op.run(step);
}

std::string StepSchedule::describe() const {
  std::string out;
  int k = 0;
  for (const auto& op : operations_) {
    out += std::to_string(++k) + ". " + op.name + " (" + (op.kind == OperationKind::kAgents ? "agents" : "domain") +
           ", every " + (op.every == 1 ? std::string("step") : std::to_string(op.every) + " steps") + ")\n";
  }
  return out;
}

}  // namespace icbsim::abm

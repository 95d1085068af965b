// The hybrid step as a schedule of named operations: agent operations (run over agents, in
// parallel by block colour) and domain operations (whole-lattice work: entry, diffusion,
// coupling, output), each with a frequency in lattice steps, run and printed in a fixed order.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace icbsim::abm {

enum class OperationKind { kAgents, kDomain };

struct Operation {
  std::string name;
  OperationKind kind = OperationKind::kDomain;
  std::uint64_t every = 1;                     ///< runs on steps where step % every == 0
  std::function<void(std::uint64_t step)> run;
};

class StepSchedule {
 public:
  /// Appends an operation; names must be unique, `every` >= 1.
  void add(Operation op);
  /// Runs, in order, every operation due at `step`.
  void run(std::uint64_t step) const;
  /// One line per operation: "1. name (agents, every step)".
  std::string describe() const;
  const std::vector<Operation>& operations() const noexcept { return operations_; }

 private:
  std::vector<Operation> operations_;
};

}  // namespace icbsim::abm

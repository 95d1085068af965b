// The pre-treatment run-in (scenario section run_in:, docs/scenario.md): brings each task's drawn
// initial state to its own quasi-steady untreated tumour–immune state at the drawn tumour burden,
// so that the start of the run carries no transient of the model's default immune state.
#pragma once

#include <cstddef>
#include <vector>

#include "engine/core/model_info.hpp"
#include "engine/core/task.hpp"

namespace icbsim {

/// What the run-in holds and what it rescales. One round integrates the untreated task for
/// `period` days, then multiplies the `scaled` states by B/Σhold (B = the drawn burden Σhold at the
/// start) and resets each `held` state to its drawn value: the tumour stays at the patient's own
/// size and composition while the populations that live in it, and every systemic state, relax to
/// what this size of this patient's tumour sustains. The fixed point of the rounds is the state at
/// which the untreated tumour reaches its drawn size on its own.
struct RunInSpec {
  std::vector<std::size_t> held;    ///< tumour-burden states kept at their drawn values
  std::vector<std::size_t> scaled;  ///< states proportional to the burden (cells in the lesion)
  double period = 60.0;             ///< untreated growth per round [day]
  std::size_t rounds = 10;          ///< number of rounds
};

/// The task's initial state after the run-in of `spec` (untreated, no output; the task's parameters,
/// solver and initial state; doses, cuts and grids are ignored). Throws SolverError when a round
/// fails numerically and icbsim::Error when the held burden vanishes.
std::vector<double> run_in_state(const ModelInfo& model, const RunInSpec& spec, const TaskInput& task);

}  // namespace icbsim

// Branching a checkpoint into new treatments from its time t_c ("same tumour history, different
// therapy from day X"): an arm's whole treatment is the history's up to t_c followed by the arm's
// own schedules shifted to start at t_c (docs/checkpoints.md).
#pragma once

#include <memory>

#include "engine/pk/treatment.hpp"
#include "engine/run/checkpoint.hpp"
#include "engine/run/scenario.hpp"

namespace icbsim {

/// The whole treatment of a branch arm: the schedules of `history` (none: untreated) keep their
/// doses before `t`; those of `arm` (none: no therapy from `t`) are shifted to start at `t`. A
/// drug in both continues as one item into the same slot, so its first dose (the origin of its
/// time-varying clearance) stays the history's. The stop rule is the arm's.
Treatment branch_treatment(const Treatment* history, const Treatment* arm, double t);

/// Turns `scenario` — the checkpointed scenario loaded with the branch arms in place of its own
/// arms and treatment — into a branch of `checkpoint`, whose tasks were all treated with
/// `history`: every arm gets its branch_treatment, allocation is paired, and the scenario
/// continues from the checkpoint.
void make_branch(Scenario& scenario, const Treatment* history, std::shared_ptr<const Checkpoint> checkpoint);

}  // namespace icbsim

// Enrolment by the measured baseline PD-L1 TPS (population.include.tps): a drawn candidate's
// screening biopsy — the model's TPS at the baseline scan, untreated, scored like the readout's
// assay — decides whether the candidate enters the cohort.
#pragma once

#include "engine/core/model_info.hpp"
#include "engine/core/random_stream.hpp"
#include "engine/core/task.hpp"
#include "engine/readout/tps_assay.hpp"

namespace icbsim {

/// Measured TPS [%] of the screening biopsy of `candidate` (its parameters, solver, start time and
/// initial state, i.e. after any run-in; its doses are ignored): the untreated model's true TPS at
/// `baseline` [day] (at the start when the baseline lies before it), scored on the assay's cells
/// with `biopsy`. Throws SolverError when the untreated integration fails.
double screening_tps(const ModelInfo& model, const readout::TpsAssay& assay, const TaskInput& candidate,
                     double baseline, RandomEngine& biopsy);

}  // namespace icbsim

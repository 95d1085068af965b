// Entry of immune cells at vessel voxels, one lattice step at a time: CD8 effectors arrive at the
// rate the systemic model sets (blood pool × trafficking rate / lattice scale) and extravasate with
// a probability raised by CXCL9/10 and lowered by TGF-β and tumour endothelium; Tregs (also
// CXCR3-guided), MDSCs and macrophages are recruited per viable tumour cell. Arrival counts are
// Poisson; an arrival enters only where the vessel voxel has room.
#pragma once

#include <cstddef>

#include "models/nsclc_spatial/step_context.hpp"

namespace icbsim::models::spatial {

/// Extravasation probability of a lymphocyte at vessel voxel v.
double extravasation_probability(const StepContext& c, std::size_t v);

/// Adds this step's arrivals to the tissue (sequential; appended in a fixed order).
void recruit_immune_cells(const StepContext& c, std::size_t viable_tumour_cells, StepTally& tally);

}  // namespace icbsim::models::spatial

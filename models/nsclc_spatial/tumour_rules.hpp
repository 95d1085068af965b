// Rules of a tumour cell in one lattice step: IFN-γ signalling (JAK-gated) setting PD-L1 and MHC-I;
// death by apoptosis, necrosis below the O2 threshold, cytotoxic drugs (cycling cells) and ADC;
// clearance of dead cells; O2-dependent division into a free neighbouring voxel.
#pragma once

#include <cstddef>

#include "models/nsclc_spatial/step_context.hpp"

namespace icbsim::models::spatial {

/// Updates tumour cell i (viable or dead); daughters go to `out.births`.
void update_tumour_cell(const StepContext& c, std::size_t i, BlockScratch& out);

/// Relative proliferation at O2 `o2` [uM]: 0 below the threshold, 1 above saturation, linear between.
double proliferation_factor(const SpatialValues& p, double o2);

}  // namespace icbsim::models::spatial

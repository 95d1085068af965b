// Rules of the suppressive and myeloid cells in one lattice step: regulatory T cells (death,
// depletion under CTLA-4 blockade, CXCR3-guided crawling), MDSCs (death, crawling) and
// macrophages (death, M2 -> M1 repolarisation by IFN-γ, M1 -> M2 by TGF-β, M1 killing of an
// adjacent tumour cell, crawling). Fibroblasts are static.
#pragma once

#include <cstddef>

#include "models/nsclc_spatial/step_context.hpp"

namespace icbsim::models::spatial {

void update_treg(const StepContext& c, std::size_t i);
void update_mdsc(const StepContext& c, std::size_t i);
void update_macrophage(const StepContext& c, std::size_t i, BlockScratch& out);

}  // namespace icbsim::models::spatial

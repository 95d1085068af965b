// Rules of a CD8 T cell in one lattice step: death (and lymphotoxic drugs); for an effector,
// synapse formation with an adjacent tumour cell at a rate set by its MHC-I and antigen
// recognition, PD-1 induction and exhaustion after repeated PD-1-inhibited synapses, killing and
// IFN-γ secretion scaled by checkpoint relief (antibody occupancy) and local suppression,
// division while engaged; otherwise chemokine-guided crawling. Exhausted cells return to function
// at a rate set by checkpoint relief.
#pragma once

#include <cstddef>

#include "models/nsclc_spatial/local_environment.hpp"
#include "models/nsclc_spatial/step_context.hpp"

namespace icbsim::models::spatial {

void update_cd8(const StepContext& c, std::size_t i, BlockScratch& out);

/// How a CD8 T cell or Treg at voxel v crawls: steps at cd8_speed scaled by chemokinesis, CXCR3
/// chemotaxis lowered by TGF-β, CXCR3-gated entry into the parenchyma.
Crawl lymphocyte_crawl(const StepContext& c, std::size_t v);

}  // namespace icbsim::models::spatial

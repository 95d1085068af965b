// The initial tissue: a tumour nest at the lattice centre, a fibroblast-rich stromal rim around it,
// stroma beyond; vessels scattered in both; tumour cells (two clones, heterogeneous constitutive
// PD-L1, some already dead) filling the nest; immune cells seeded in proportion to the systemic
// tumour bed — effectors at vessels (just arrived), the others in the nest and rim.
#pragma once

#include "engine/abm/counter_stream.hpp"
#include "models/nsclc_spatial/spatial_values.hpp"
#include "models/nsclc_spatial/tissue.hpp"

namespace icbsim::models::spatial {

/// Composition of the tumour bed to reproduce on the lattice, per viable tumour cell (and the
/// escape and dead shares of the tumour cells).
struct BedComposition {
  double escape_fraction = 0.0;  ///< escape clone / viable tumour cells
  double dead_fraction = 0.0;    ///< dead / (viable + dead) tumour cells
  double effector = 0.0, exhausted = 0.0, treg = 0.0, mdsc = 0.0, m1 = 0.0, m2 = 0.0;  ///< per viable tumour cell
};

/// Lays out zones, vessels, fibroblasts and tumour cells. Throws icbsim::Error when the nest holds
/// no tumour cell or the lattice no vessel.
void lay_out_tissue(Tissue& tissue, const SpatialValues& p, abm::StreamKey key, const BedComposition& bed);

/// Seeds CD8 T cells, Tregs, MDSCs and macrophages in proportion to the viable tumour cells.
void seed_immune_cells(Tissue& tissue, const SpatialValues& p, abm::StreamKey key, const BedComposition& bed);

}  // namespace icbsim::models::spatial

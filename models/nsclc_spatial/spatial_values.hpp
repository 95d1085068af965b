// The spatial parameters as named values in engine units (day, um, uM, nM, nmol), read from a
// parameter vector in declaration order (spatial_parameters.hpp). Unit conversions happen here
// once: per-minute rates and um^2/min diffusion coefficients become per-day values.
#pragma once

#include <span>

namespace icbsim::models::spatial {

struct SpatialValues {
  // Tissue layout.
  double nest_radius, rim_width, rim_fibroblast_fraction, stroma_fibroblast_fraction, stroma_vessel_fraction,
      tumour_vessel_fraction;
  // Tumour cells.
  double division_rate, apoptosis_rate, o2_prolif_saturation, o2_prolif_threshold, o2_necrosis_threshold,
      o2_necrosis_max, necrosis_rate, dead_clearance, pdl1_base, pdl1_heterogeneity, pdl1_fold, mhc_antigenic,
      mhc_escape, mhc_gain, jak, ifng_half, ifng_response, ifng_arrest, pdl1_positive;
  // CD8 T cells.
  double cd8_speed, motility_floor, chemotaxis, synapse_rate, synapse_release, recognition, kill_rate, checkpoint_half, checkpoint_hill,
      stromal_pdl1, pd1_gain, pd1_max, pd1_decay, alt_inhibition, exhaustion_threshold, reinvigoration, cd8_death,
      exhausted_death, cd8_proliferation, ifng_secretion, tgfb_half, tgfb_kill, tgfb_cxcr3, hypoxia_suppression,
      hypoxia_half;
  // Trafficking and occupancy.
  double vascular_arrival, extravasation_floor, parenchyma_entry_floor, tumour_vessel_extravasation, fibroblast_permeability, immune_cap_free,
      immune_cap_shared, chemokine_half;
  // Tregs, MDSCs, macrophages, fibroblasts.
  double myeloid_speed, treg_entry, treg_death, treg_suppression, treg_ctla4_depletion, mdsc_entry, mdsc_death,
      mdsc_suppression, macrophage_entry, macrophage_death, m1_polarisation, m2_polarisation, m2_suppression, m1_kill,
      treg_tgfb, m2_tgfb, fibroblast_tgfb, m1_chemokine;
  // Fields (diffusion [um^2/day], rates [1/day], secretion [nmol/(cell*day)], O2 [uM]).
  double o2_diffusion, o2_decay, o2_uptake, o2_supply, o2_exchange, ifng_diffusion, ifng_decay, tgfb_diffusion,
      tgfb_decay, chemokine_diffusion, chemokine_decay, tumour_chemokine_basal, tumour_chemokine_ifng,
      vessel_chemokine;
  // Metrics.
  double margin_half_width, desert_density, excluded_ratio, hypoxia_threshold;

  /// Reads `p` (declaration order, declared units); throws icbsim::Error on a wrong size.
  explicit SpatialValues(std::span<const double> p);
};

}  // namespace icbsim::models::spatial

// Reading the spatial parameter vector into named values in engine units.
#include "models/nsclc_spatial/spatial_values.hpp"

#include <string>

#include "engine/core/errors.hpp"
#include "models/nsclc_spatial/spatial_parameters.hpp"

namespace icbsim::models::spatial {
namespace {

constexpr double kPerMinute = 1440.0;  ///< per minute -> per day

std::span<const double> checked(std::span<const double> p) {
  if (p.size() != kParameters.size())
    throw Error("nsclc_spatial: expected " + std::to_string(kParameters.size()) + " parameters, got " +
                std::to_string(p.size()));
  return p;
}

}  // namespace

std::vector<double> default_parameters() {
  std::vector<double> p;
  for (const auto& spec : kParameters) p.push_back(spec.value);
  return p;
}

SpatialValues::SpatialValues(std::span<const double> p)
    : nest_radius(checked(p)[index_of(kParameters, "nest_radius")]),
      rim_width(p[index_of(kParameters, "rim_width")]),
      rim_fibroblast_fraction(p[index_of(kParameters, "rim_fibroblast_fraction")]),
      stroma_fibroblast_fraction(p[index_of(kParameters, "stroma_fibroblast_fraction")]),
      stroma_vessel_fraction(p[index_of(kParameters, "stroma_vessel_fraction")]),
      tumour_vessel_fraction(p[index_of(kParameters, "tumour_vessel_fraction")]),
      division_rate(p[index_of(kParameters, "tumour_division_rate")]),
      apoptosis_rate(p[index_of(kParameters, "tumour_apoptosis_rate")]),
      o2_prolif_saturation(p[index_of(kParameters, "o2_proliferation_saturation")]),
      o2_prolif_threshold(p[index_of(kParameters, "o2_proliferation_threshold")]),
      o2_necrosis_threshold(p[index_of(kParameters, "o2_necrosis_threshold")]),
      o2_necrosis_max(p[index_of(kParameters, "o2_necrosis_max")]),
      necrosis_rate(p[index_of(kParameters, "necrosis_rate")]),
      dead_clearance(p[index_of(kParameters, "dead_cell_clearance")]),
      pdl1_base(p[index_of(kParameters, "tumour_pdl1_base")]),
      pdl1_heterogeneity(p[index_of(kParameters, "tumour_pdl1_heterogeneity")]),
      pdl1_fold(p[index_of(kParameters, "tumour_pdl1_ifng_fold")]),
      mhc_antigenic(p[index_of(kParameters, "tumour_mhc_antigenic")]),
      mhc_escape(p[index_of(kParameters, "tumour_mhc_escape")]),
      mhc_gain(p[index_of(kParameters, "tumour_mhc_ifng_gain")]),
      jak(p[index_of(kParameters, "tumour_jak_signalling")]),
      ifng_half(p[index_of(kParameters, "tumour_ifng_half")]),
      ifng_response(p[index_of(kParameters, "tumour_ifng_response_rate")]),
      ifng_arrest(p[index_of(kParameters, "tumour_ifng_arrest")]),
      pdl1_positive(p[index_of(kParameters, "pdl1_positive_threshold")]),
      cd8_speed(p[index_of(kParameters, "cd8_speed")] * kPerMinute),
      motility_floor(p[index_of(kParameters, "cd8_motility_floor")]),
      chemotaxis(p[index_of(kParameters, "cd8_chemotaxis")]),
      synapse_rate(p[index_of(kParameters, "cd8_synapse_rate")]),
      synapse_release(p[index_of(kParameters, "cd8_synapse_release")]),
      recognition(p[index_of(kParameters, "cd8_antigen_recognition")]),
      kill_rate(p[index_of(kParameters, "cd8_kill_rate")]),
      checkpoint_half(p[index_of(kParameters, "cd8_checkpoint_half")]),
      checkpoint_hill(p[index_of(kParameters, "cd8_checkpoint_hill")]),
      stromal_pdl1(p[index_of(kParameters, "cd8_stromal_pdl1")]),
      pd1_gain(p[index_of(kParameters, "cd8_pd1_gain")]),
      pd1_max(p[index_of(kParameters, "cd8_pd1_max")]),
      pd1_decay(p[index_of(kParameters, "cd8_pd1_decay")]),
      alt_inhibition(p[index_of(kParameters, "cd8_alt_checkpoint")]),
      exhaustion_threshold(p[index_of(kParameters, "cd8_exhaustion_threshold")]),
      reinvigoration(p[index_of(kParameters, "cd8_reinvigoration_rate")]),
      cd8_death(p[index_of(kParameters, "cd8_death_rate")]),
      exhausted_death(p[index_of(kParameters, "cd8_exhausted_death_rate")]),
      cd8_proliferation(p[index_of(kParameters, "cd8_proliferation_rate")]),
      ifng_secretion(p[index_of(kParameters, "ifng_secretion")]),
      tgfb_half(p[index_of(kParameters, "tgfb_half")]),
      tgfb_kill(p[index_of(kParameters, "tgfb_kill_suppression")]),
      tgfb_cxcr3(p[index_of(kParameters, "tgfb_cxcr3_suppression")]),
      hypoxia_suppression(p[index_of(kParameters, "hypoxia_tcell_suppression")]),
      hypoxia_half(p[index_of(kParameters, "hypoxia_suppression_half")]),
      vascular_arrival(p[index_of(kParameters, "cd8_vascular_arrival")]),
      extravasation_floor(p[index_of(kParameters, "extravasation_floor")]),
      parenchyma_entry_floor(p[index_of(kParameters, "parenchyma_entry_floor")]),
      tumour_vessel_extravasation(p[index_of(kParameters, "tumour_vessel_extravasation")]),
      fibroblast_permeability(p[index_of(kParameters, "fibroblast_permeability")]),
      immune_cap_free(p[index_of(kParameters, "immune_cap_free")]),
      immune_cap_shared(p[index_of(kParameters, "immune_cap_shared")]),
      chemokine_half(p[index_of(kParameters, "chemokine_half")]),
      myeloid_speed(p[index_of(kParameters, "myeloid_speed")] * kPerMinute),
      treg_entry(p[index_of(kParameters, "treg_entry_rate")]),
      treg_death(p[index_of(kParameters, "treg_death_rate")]),
      treg_suppression(p[index_of(kParameters, "treg_suppression")]),
      treg_ctla4_depletion(p[index_of(kParameters, "treg_ctla4_depletion")]),
      mdsc_entry(p[index_of(kParameters, "mdsc_entry_rate")]),
      mdsc_death(p[index_of(kParameters, "mdsc_death_rate")]),
      mdsc_suppression(p[index_of(kParameters, "mdsc_suppression")]),
      macrophage_entry(p[index_of(kParameters, "macrophage_entry_rate")]),
      macrophage_death(p[index_of(kParameters, "macrophage_death_rate")]),
      m1_polarisation(p[index_of(kParameters, "m1_polarisation_rate")]),
      m2_polarisation(p[index_of(kParameters, "m2_polarisation_rate")]),
      m2_suppression(p[index_of(kParameters, "m2_suppression")]),
      m1_kill(p[index_of(kParameters, "m1_kill_rate")]),
      treg_tgfb(p[index_of(kParameters, "treg_tgfb_secretion")]),
      m2_tgfb(p[index_of(kParameters, "m2_tgfb_secretion")]),
      fibroblast_tgfb(p[index_of(kParameters, "fibroblast_tgfb_secretion")]),
      m1_chemokine(p[index_of(kParameters, "m1_chemokine_secretion")]),
      o2_diffusion(p[index_of(kParameters, "o2_diffusion")] * kPerMinute),
      o2_decay(p[index_of(kParameters, "o2_decay")] * kPerMinute),
      o2_uptake(p[index_of(kParameters, "o2_tumour_uptake")] * kPerMinute),
      o2_supply(p[index_of(kParameters, "o2_supply")]),
      o2_exchange(p[index_of(kParameters, "o2_vessel_exchange")] * kPerMinute),
      ifng_diffusion(p[index_of(kParameters, "ifng_diffusion")] * kPerMinute),
      ifng_decay(p[index_of(kParameters, "ifng_decay")]),
      tgfb_diffusion(p[index_of(kParameters, "tgfb_diffusion")] * kPerMinute),
      tgfb_decay(p[index_of(kParameters, "tgfb_decay")]),
      chemokine_diffusion(p[index_of(kParameters, "chemokine_diffusion")] * kPerMinute),
      chemokine_decay(p[index_of(kParameters, "chemokine_decay")]),
      tumour_chemokine_basal(p[index_of(kParameters, "tumour_chemokine_basal")]),
      tumour_chemokine_ifng(p[index_of(kParameters, "tumour_chemokine_ifng")]),
      vessel_chemokine(p[index_of(kParameters, "vessel_chemokine_secretion")]),
      margin_half_width(p[index_of(kParameters, "margin_half_width")]),
      desert_density(p[index_of(kParameters, "desert_cd8_density")]),
      excluded_ratio(p[index_of(kParameters, "excluded_core_ratio")]),
      hypoxia_threshold(p[index_of(kParameters, "hypoxia_threshold")]) {}

}  // namespace icbsim::models::spatial

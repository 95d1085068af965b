// Registry entry of `nsclc_spatial`: the parameter set of the spatial (lattice) part of the hybrid
// NSCLC model, so that `icbsim models --describe nsclc_spatial` lists it and overlay files can
// change it under an `nsclc_spatial:` key, validated like any model's. It is not run on its own:
// a spatial patient couples it to nsclc_icb (spatial_patient.hpp), whose parameters stay the
// systemic ones. Its observables are the spatial metrics.
#pragma once

#include <array>
#include <string_view>

#include "engine/core/model_info.hpp"
#include "engine/core/variable_spec.hpp"

namespace icbsim::models {

struct NsclcSpatial {
  static constexpr std::string_view kName = "nsclc_spatial";
  static constexpr std::string_view kDescription =
      "spatial tumour bed of the hybrid NSCLC model: tumour cells, CD8 (effector/exhausted), Tregs, MDSCs, M1/M2 "
      "macrophages and fibroblasts on a voxel lattice with O2, IFN-γ, TGF-β and CXCL9/10 fields; coupled to "
      "nsclc_icb for priming, blood and drugs (parameters only; runs through a spatial patient)";
  static constexpr std::string_view kReference =
      "icbsim (docs/models/nsclc_spatial.md); hybrid structure after spQSP-IO (Gong 2021 J R Soc Interface 18:20210484)";

  static constexpr std::array<VariableSpec, 8> kObservables{{
      {"cd8_density_core", "cells/mm^2", 0, false, "CD8 T cells per mm^2 of section in the tumour core"},
      {"cd8_density_margin", "cells/mm^2", 0, false, "CD8 T cells per mm^2 of section in the invasive-margin band"},
      {"infiltration_class", "", 0, false, "0 inflamed, 1 excluded, 2 desert (docs/models/nsclc_spatial.md)"},
      {"pdl1_positive_fraction", "", 0, false, "viable tumour cells above pdl1_positive_threshold"},
      {"hypoxic_fraction", "", 0, false, "viable tumour cells below hypoxia_threshold O2"},
      {"lattice_tumour_cells", "cells", 0, false, "viable tumour cells on the lattice"},
      {"lattice_cd8_cells", "cells", 0, false, "CD8 T cells on the lattice"},
      {"tumour_edge_fraction", "", 0, false,
       "lattice boundary voxels holding a tumour cell; above 0 the tumour has reached the edge of the modelled region "
       "and the patient's tumour stops growing with it (choose a larger lattice)"},
  }};

  /// The registry entry; its simulate function refuses to run the lattice without nsclc_icb.
  static ModelInfo info();
};

}  // namespace icbsim::models

// Spatial readouts of the lattice: CD8 density in the tumour core and the invasive margin, the
// infiltration class (inflamed / excluded / desert), the PD-L1-positive and hypoxic fractions of
// viable tumour cells. Regions: the tumour region is the set of voxels whose Moore neighbourhood
// is at least half tumour cells (viable or dead); the margin is the band within margin_half_width
// of its border on either side, the core the tumour region deeper than that.
#pragma once

#include <cstddef>

#include "engine/core/enum_table.hpp"
#include "models/nsclc_spatial/spatial_fields.hpp"
#include "models/nsclc_spatial/spatial_values.hpp"
#include "models/nsclc_spatial/tissue.hpp"

namespace icbsim::models::spatial {

enum class Infiltration { kInflamed = 0, kExcluded = 1, kDesert = 2 };
inline constexpr EnumTable<Infiltration, 3> kInfiltrationNames{{{
    {Infiltration::kInflamed, "inflamed"},
    {Infiltration::kExcluded, "excluded"},
    {Infiltration::kDesert, "desert"},
}}};

struct SpatialMetrics {
  double core_cd8_density = 0.0;     ///< CD8 T cells per mm^2 of section in the core [cells/mm^2]
  double margin_cd8_density = 0.0;   ///< CD8 T cells per mm^2 of section in the margin band [cells/mm^2]
  double core_area_mm2 = 0.0;        ///< section area of the core (3-D: volume / voxel edge) [mm^2]
  double margin_area_mm2 = 0.0;      ///< section area of the margin band [mm^2]
  Infiltration infiltration = Infiltration::kDesert;
  double pdl1_positive_fraction = 0.0;  ///< viable tumour cells above pdl1_positive_threshold [-]
  double hypoxic_fraction = 0.0;        ///< viable tumour cells below hypoxia_threshold O2 [-]
  std::size_t viable_tumour_cells = 0;
  std::size_t cd8_cells = 0;
  /// Boundary voxels of the lattice (its faces; in 2-D the four edges) holding a tumour cell,
  /// viable or dead, over all boundary voxels [-]. Above 0 the tumour has reached the edge of the
  /// modelled region, and the patient's tumour can no longer grow with it.
  double tumour_edge_fraction = 0.0;
};

/// desert: core and margin below desert_density; excluded: otherwise, with core below
/// excluded_ratio × margin; inflamed: otherwise.
Infiltration classify_infiltration(double core_density, double margin_density, const SpatialValues& p);

SpatialMetrics measure(const Tissue& tissue, const SpatialFields& fields, const SpatialValues& p);

}  // namespace icbsim::models::spatial

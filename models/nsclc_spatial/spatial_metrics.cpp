// Tumour region, core/margin bands, CD8 densities and the cell fractions.
#include "models/nsclc_spatial/spatial_metrics.hpp"

#include <cstdint>
#include <vector>

#include "engine/abm/distance_map.hpp"

namespace icbsim::models::spatial {

Infiltration classify_infiltration(double core_density, double margin_density, const SpatialValues& p) {
  if (core_density < p.desert_density && margin_density < p.desert_density) return Infiltration::kDesert;
  if (core_density < p.excluded_ratio * margin_density) return Infiltration::kExcluded;
  return Infiltration::kInflamed;
}

namespace {

/// 1 for voxels holding a tumour cell (viable or dead), else 0.
std::vector<std::uint8_t> tumour_voxels(const Tissue& t) {
  std::vector<std::uint8_t> tumour(t.lattice().voxel_count(), 0);
  for (std::size_t i = 0; i < t.agents.size(); ++i)
    if (t.agents.alive(i) && t.kind(i) == CellKind::kTumour) tumour[t.agents.voxel(i)] = 1;
  return tumour;
}

/// Voxels whose Moore neighbourhood (with the voxel) holds tumour cells in at least half its voxels.
std::vector<std::uint8_t> tumour_region(const Tissue& t, const std::vector<std::uint8_t>& tumour) {
  const abm::Lattice& lattice = t.lattice();
  const std::size_t n = lattice.voxel_count();
  std::vector<std::uint8_t> region(n, 0);
  for (std::size_t v = 0; v < n; ++v) {
    int inside = tumour[v];
    int total = 1;
    lattice.for_each_neighbour(v, [&](std::size_t w) {
      inside += tumour[w];
      ++total;
    });
    region[v] = 2 * inside >= total ? 1 : 0;
  }
  return region;
}

/// Share of the lattice's boundary voxels (faces; a 2-D section's z faces are its plane, so only
/// x and y count there) that hold a tumour cell, viable or dead.
double tumour_edge_fraction(const Tissue& t, const std::vector<std::uint8_t>& tumour) {
  const abm::Lattice& lattice = t.lattice();
  const abm::Coord& size = lattice.size();
  const int axes = lattice.dimensions();
  auto on_edge = [&](const abm::Coord& c) {
    for (int a = 0; a < axes; ++a) {
      const auto k = static_cast<std::size_t>(a);
      if (c[k] == 0 || c[k] == size[k] - 1) return true;
    }
    return false;
  };
  std::size_t edge = 0, occupied = 0;
  for (std::size_t v = 0; v < lattice.voxel_count(); ++v) {
    if (!on_edge(lattice.coord(v))) continue;
    ++edge;
    occupied += tumour[v];
  }
  return edge > 0 ? static_cast<double>(occupied) / static_cast<double>(edge) : 0.0;
}

}  // namespace

SpatialMetrics measure(const Tissue& t, const SpatialFields& fields, const SpatialValues& p) {
  SpatialMetrics m;
  const abm::Lattice& lattice = t.lattice();
  const std::size_t n = lattice.voxel_count();
  const std::vector<std::uint8_t> tumour = tumour_voxels(t);
  const std::vector<std::uint8_t> region = tumour_region(t, tumour);
  std::vector<std::uint8_t> outside(n);
  for (std::size_t v = 0; v < n; ++v) outside[v] = region[v] ? 0 : 1;
  const std::vector<double> depth = abm::distance_to_seeds(lattice, outside);  // voxels to the outside
  const std::vector<double> reach = abm::distance_to_seeds(lattice, region);   // voxels to the region
  const double band = p.margin_half_width / lattice.voxel_um();
  // Zone per voxel: 0 elsewhere, 1 margin, 2 core.
  std::vector<std::uint8_t> zone(n, 0);
  std::size_t core_voxels = 0, margin_voxels = 0;
  for (std::size_t v = 0; v < n; ++v) {
    if (region[v] && depth[v] > band) {
      zone[v] = 2;
      ++core_voxels;
    } else if ((region[v] && depth[v] <= band) || (!region[v] && reach[v] <= band)) {
      zone[v] = 1;
      ++margin_voxels;
    }
  }
  m.tumour_edge_fraction = tumour_edge_fraction(t, tumour);
  std::size_t core_cd8 = 0, margin_cd8 = 0, pdl1_positive = 0, hypoxic = 0;
  const auto& o2 = fields[kOxygen];
  for (std::size_t i = 0; i < t.agents.size(); ++i) {
    if (!t.agents.alive(i)) continue;
    const std::size_t v = t.agents.voxel(i);
    if (t.kind(i) == CellKind::kCd8) {
      ++m.cd8_cells;
      if (zone[v] == 2) ++core_cd8;
      if (zone[v] == 1) ++margin_cd8;
    } else if (t.viable_tumour(i)) {
      ++m.viable_tumour_cells;
      if (t.agents.real(t.col.pdl1, i) > p.pdl1_positive) ++pdl1_positive;
      if (o2[v] < p.hypoxia_threshold) ++hypoxic;
    }
  }
  const double voxel_mm2 = lattice.voxel_um() * lattice.voxel_um() * 1e-6;
  m.core_area_mm2 = static_cast<double>(core_voxels) * voxel_mm2;
  m.margin_area_mm2 = static_cast<double>(margin_voxels) * voxel_mm2;
  m.core_cd8_density = core_voxels > 0 ? static_cast<double>(core_cd8) / m.core_area_mm2 : 0.0;
  m.margin_cd8_density = margin_voxels > 0 ? static_cast<double>(margin_cd8) / m.margin_area_mm2 : 0.0;
  m.infiltration = classify_infiltration(m.core_cd8_density, m.margin_cd8_density, p);
  if (m.viable_tumour_cells > 0) {
    const auto viable = static_cast<double>(m.viable_tumour_cells);
    m.pdl1_positive_fraction = static_cast<double>(pdl1_positive) / viable;
    m.hypoxic_fraction = static_cast<double>(hypoxic) / viable;
  }
  return m;
}

}  // namespace icbsim::models::spatial

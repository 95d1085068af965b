// Initial layout and seeding of the lattice.
#include "models/nsclc_spatial/layout.hpp"

#include <cmath>
#include <vector>

#include <boost/random/normal_distribution.hpp>

#include "engine/core/errors.hpp"
#include "models/nsclc_spatial/step_context.hpp"

namespace icbsim::models::spatial {
namespace {

/// Distance [um] of voxel v's centre from the lattice centre (in the lattice plane for 2-D).
double distance_from_centre(const abm::Lattice& lattice, std::size_t v) {
  const auto c = lattice.centre_um(v);
  double r2 = 0.0;
  for (int d = 0; d < lattice.dimensions(); ++d) {
    const double mid = 0.5 * lattice.size()[static_cast<std::size_t>(d)] * lattice.voxel_um();
    r2 += (c[static_cast<std::size_t>(d)] - mid) * (c[static_cast<std::size_t>(d)] - mid);
  }
  return std::sqrt(r2);
}

/// floor(x) plus one with probability frac(x).
std::size_t stochastic_round(double x, abm::CounterStream& rng) {
  const double whole = std::floor(x);
  return static_cast<std::size_t>(whole) + (rng.bernoulli(x - whole) ? 1u : 0u);
}

/// Places up to `count` mobile cells of `kind` (state `state`) at voxels drawn from `sites` with
/// room; a cell that finds no room in 20 draws is not placed.
void place(Tissue& t, const SpatialValues& p, const std::vector<std::uint32_t>& sites, CellKind kind,
           std::int32_t state, std::size_t count, abm::CounterStream& rng) {
  if (sites.empty()) return;
  const int cap_free = static_cast<int>(p.immune_cap_free);
  const int cap_shared = static_cast<int>(p.immune_cap_shared);
  for (std::size_t k = 0; k < count; ++k) {
    for (int attempt = 0; attempt < 20; ++attempt) {
      const std::uint32_t v = sites[rng.below(sites.size())];
      if (t.occupancy.mobile(v) >= t.immune_capacity(v, cap_free, cap_shared)) continue;
      const std::size_t i = t.agents.add(static_cast<std::uint8_t>(kind), v);
      t.agents.integer(t.col.state, i) = state;
      if (kind == CellKind::kCd8) t.agents.real(t.col.pd1, i) = state == kExhausted ? p.pd1_max : 1.0;
      t.occupancy.add_mobile(v, t.mobile_class(i));
      break;
    }
  }
}

}  // namespace

void lay_out_tissue(Tissue& t, const SpatialValues& p, abm::StreamKey key, const BedComposition& bed) {
  const abm::Lattice& lattice = t.lattice();
  std::size_t tumour_cells = 0;
  for (std::size_t v = 0; v < lattice.voxel_count(); ++v) {
    abm::CounterStream rng(key, 0, v, static_cast<std::uint32_t>(Purpose::kLayout));
    const double r = distance_from_centre(lattice, v);
    const Zone zone = r <= p.nest_radius ? Zone::kNest : (r <= p.nest_radius + p.rim_width ? Zone::kRim : Zone::kStroma);
    t.zone[v] = zone;
    const double vessel_fraction = zone == Zone::kNest ? p.tumour_vessel_fraction : p.stroma_vessel_fraction;
    if (rng.bernoulli(vessel_fraction)) {
      t.add_vessel(v, zone == Zone::kNest ? Vessel::kIntratumoural : Vessel::kStromal);
      continue;
    }
    if (zone == Zone::kNest) {
      const std::size_t i = t.agents.add(static_cast<std::uint8_t>(CellKind::kTumour), static_cast<std::uint32_t>(v));
      const bool dead = rng.bernoulli(bed.dead_fraction);
      t.agents.integer(t.col.state, i) = dead ? kDeadOther : kViable;
      t.agents.integer(t.col.clone, i) = rng.bernoulli(bed.escape_fraction) ? 1 : 0;
      const double sigma = p.pdl1_heterogeneity;
      const double z = boost::random::normal_distribution<double>(0.0, 1.0)(rng);
      t.agents.real(t.col.pdl1_base, i) = p.pdl1_base * std::exp(sigma * z - 0.5 * sigma * sigma);  // mean pdl1_base
      t.agents.real(t.col.pdl1, i) = t.agents.real(t.col.pdl1_base, i);
      const double clone_mhc = t.agents.integer(t.col.clone, i) == 0 ? p.mhc_antigenic : p.mhc_escape;
      t.agents.real(t.col.mhc, i) = clone_mhc / (1.0 + p.mhc_gain);
      t.occupancy.set_exclusive(v, static_cast<std::int32_t>(i));
      ++tumour_cells;
      continue;
    }
    const double fibroblasts = zone == Zone::kRim ? p.rim_fibroblast_fraction : p.stroma_fibroblast_fraction;
    if (rng.bernoulli(fibroblasts)) {
      const std::size_t i =
          t.agents.add(static_cast<std::uint8_t>(CellKind::kFibroblast), static_cast<std::uint32_t>(v));
      t.occupancy.set_exclusive(v, static_cast<std::int32_t>(i));
    }
  }
  if (tumour_cells == 0) throw Error("nsclc_spatial: the tumour nest holds no voxel (nest_radius too small?)");
  if (t.vessel_voxels.empty()) throw Error("nsclc_spatial: the lattice holds no vessel (vessel fractions too small?)");
}

void seed_immune_cells(Tissue& t, const SpatialValues& p, abm::StreamKey key, const BedComposition& bed) {
  std::size_t viable = 0;
  std::vector<std::uint32_t> nest, nest_and_rim;
  for (std::size_t i = 0; i < t.agents.size(); ++i)
    if (t.viable_tumour(i)) ++viable;
  for (std::size_t v = 0; v < t.lattice().voxel_count(); ++v) {
    if (t.zone[v] == Zone::kNest) nest.push_back(static_cast<std::uint32_t>(v));
    if (t.zone[v] != Zone::kStroma) nest_and_rim.push_back(static_cast<std::uint32_t>(v));
  }
  const auto n = static_cast<double>(viable);
  abm::CounterStream rng(key, 0, 0, static_cast<std::uint32_t>(Purpose::kSeeding));
  place(t, p, t.vessel_voxels, CellKind::kCd8, kEffector, stochastic_round(bed.effector * n, rng), rng);
  place(t, p, nest, CellKind::kCd8, kExhausted, stochastic_round(bed.exhausted * n, rng), rng);
  place(t, p, nest_and_rim, CellKind::kTreg, 0, stochastic_round(bed.treg * n, rng), rng);
  place(t, p, nest_and_rim, CellKind::kMdsc, 0, stochastic_round(bed.mdsc * n, rng), rng);
  place(t, p, nest_and_rim, CellKind::kMacrophage, kM1, stochastic_round(bed.m1 * n, rng), rng);
  place(t, p, nest_and_rim, CellKind::kMacrophage, kM2, stochastic_round(bed.m2 * n, rng), rng);
}

}  // namespace icbsim::models::spatial

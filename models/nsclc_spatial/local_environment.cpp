// Checkpoint inhibition, local suppression and chemokine-guided movement of immune cells.
#include "models/nsclc_spatial/local_environment.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace icbsim::models::spatial {

std::int32_t viable_tumour_at(const Tissue& t, std::size_t w) {
  const std::int32_t e = t.occupancy.exclusive(w);
  return e >= 0 && t.viable_tumour(static_cast<std::size_t>(e)) ? e : kNoTumourCell;
}

std::int32_t random_adjacent_tumour_cell(const Tissue& t, std::size_t v, abm::CounterStream& rng) {
  std::int32_t chosen = kNoTumourCell;
  std::size_t seen = 0;
  auto consider = [&](std::size_t w) {
    const std::int32_t e = viable_tumour_at(t, w);
    if (e == kNoTumourCell) return;
    ++seen;
    if (rng.below(seen) == 0) chosen = e;
  };
  consider(v);
  t.lattice().for_each_neighbour(v, consider);
  return chosen;
}

double checkpoint_free(const SpatialValues& p, const SystemicSignals& s, double target_pdl1, double pd1) {
  const double engaged = (1.0 - s.ro_pd1) * (1.0 - s.ro_pdl1) * (target_pdl1 + p.stromal_pdl1) * pd1;
  const double b = std::pow(std::max(engaged, 0.0) / p.checkpoint_half, p.checkpoint_hill);
  const double h_pd1 = b / (1.0 + b);
  const double a2 = p.alt_inhibition * p.alt_inhibition;
  const double h_alt = a2 / (1.0 + a2);
  return (1.0 - h_pd1) * (1.0 - h_alt);
}

double tgfb_fraction(const StepContext& c, std::size_t v) {
  const double t = std::max(c.fields[kTgfb][v], 0.0);
  return t / (t + c.p.tgfb_half);
}

double chemokine_response(const StepContext& c, std::size_t v) {
  const double ch = std::max(c.fields[kChemokine][v], 0.0);
  return ch / (ch + c.p.chemokine_half) * (1.0 - c.p.tgfb_cxcr3 * tgfb_fraction(c, v));
}

double local_function(const StepContext& c, std::size_t v) {
  const abm::Occupancy& occ = c.tissue.occupancy;
  int tregs = occ.mobile(v, kTregClass);
  int mdscs = occ.mobile(v, kMdscClass);
  int m2s = occ.mobile(v, kM2Class);
  c.tissue.lattice().for_each_neighbour(v, [&](std::size_t n) {
    tregs += occ.mobile(n, kTregClass);
    mdscs += occ.mobile(n, kMdscClass);
    m2s += occ.mobile(n, kM2Class);
  });
  const SpatialValues& p = c.p;
  const double o2 = std::max(c.fields[kOxygen][v], 0.0);
  return 1.0 / (1.0 + p.treg_suppression * tregs) / (1.0 + p.mdsc_suppression * mdscs) /
         (1.0 + p.m2_suppression * m2s) * (1.0 - p.tgfb_kill * tgfb_fraction(c, v)) *
         (1.0 - p.hypoxia_suppression * p.hypoxia_half / (p.hypoxia_half + o2));
}

double step_probability(const StepContext& c, double speed) {
  return std::min(1.0, speed * c.dt / c.tissue.lattice().voxel_um());
}

namespace {

/// True when a tumour cell (viable or dead) fills voxel v.
bool tumour_at(const Tissue& t, std::size_t v) {
  const std::int32_t e = t.occupancy.exclusive(v);
  return e >= 0 && t.kind(static_cast<std::size_t>(e)) == CellKind::kTumour;
}

}  // namespace

void step_immune_cell(const StepContext& c, std::size_t i, const Crawl& crawl, abm::CounterStream& rng) {
  if (!rng.bernoulli(crawl.move_probability)) return;
  Tissue& t = c.tissue;
  const std::size_t v = t.agents.voxel(i);
  const auto& chemokine = c.fields[kChemokine];
  const double here = std::max(chemokine[v], 0.0);
  const int cap_free = static_cast<int>(c.p.immune_cap_free);
  const int cap_shared = static_cast<int>(c.p.immune_cap_shared);
  std::array<std::size_t, 26> candidates{};
  std::array<double, 26> weights{};
  std::size_t n = 0;
  double total = 0.0;
  const double floor = c.p.parenchyma_entry_floor;
  t.lattice().for_each_neighbour(v, [&](std::size_t j) {
    if (t.occupancy.mobile(j) >= t.immune_capacity(j, cap_free, cap_shared)) return;
    // Exponent capped: beyond e^50 one neighbour takes every step anyway.
    double w = std::exp(
        std::min(50.0, crawl.chemotaxis * (std::max(chemokine[j], 0.0) - here) / (here + c.p.chemokine_half)));
    if (t.fibroblast_at(j)) w *= c.p.fibroblast_permeability;
    if (crawl.cxcr3_gated && tumour_at(t, j)) w *= floor + (1.0 - floor) * chemokine_response(c, j);
    if (!(w > 0.0)) return;
    candidates[n] = j;
    weights[n] = w;
    total += w;
    ++n;
  });
  if (n == 0) return;
  double pick = rng.uniform() * total;
  std::size_t k = 0;
  while (k + 1 < n && pick > weights[k]) pick -= weights[k++];
  const std::uint8_t cls = t.mobile_class(i);
  t.occupancy.remove_mobile(v, cls);
  t.occupancy.add_mobile(candidates[k], cls);
  t.agents.set_voxel(i, static_cast<std::uint32_t>(candidates[k]));
}

}  // namespace icbsim::models::spatial

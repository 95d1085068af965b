// Tumour-cell rules (sources: docs/models/nsclc_spatial.md, "Tumour cells").
#include "models/nsclc_spatial/tumour_rules.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace icbsim::models::spatial {

double proliferation_factor(const SpatialValues& p, double o2) {
  if (o2 <= p.o2_prolif_threshold) return 0.0;
  if (o2 >= p.o2_prolif_saturation) return 1.0;
  return (o2 - p.o2_prolif_threshold) / (p.o2_prolif_saturation - p.o2_prolif_threshold);
}

namespace {

/// Necrosis hazard [1/day] at O2 `o2`: 0 above the threshold, maximal at and below o2_necrosis_max.
double necrosis_hazard(const SpatialValues& p, double o2) {
  if (o2 >= p.o2_necrosis_threshold) return 0.0;
  if (o2 <= p.o2_necrosis_max || p.o2_necrosis_threshold <= p.o2_necrosis_max) return p.necrosis_rate;
  return p.necrosis_rate * (p.o2_necrosis_threshold - o2) / (p.o2_necrosis_threshold - p.o2_necrosis_max);
}

/// Neighbouring voxels a daughter may take: no tissue cell or vessel, and at most the shared cap
/// of immune cells.
std::size_t free_neighbours(const StepContext& c, std::size_t v, std::array<std::size_t, 26>& out) {
  const Tissue& t = c.tissue;
  const int cap = static_cast<int>(c.p.immune_cap_shared);
  std::size_t n = 0;
  t.lattice().for_each_neighbour(v, [&](std::size_t j) {
    if (t.occupancy.exclusive_free(j) && t.occupancy.mobile(j) <= cap) out[n++] = j;
  });
  return n;
}

}  // namespace

void update_tumour_cell(const StepContext& c, std::size_t i, BlockScratch& out) {
  Tissue& t = c.tissue;
  abm::AgentStore& a = t.agents;
  const SpatialValues& p = c.p;
  const std::size_t v = a.voxel(i);
  abm::CounterStream rng = c.stream(i, Purpose::kTumour);
  if (t.state(i) != kViable) {
    if (rng.bernoulli(c.chance(p.dead_clearance))) {
      a.kill(i);
      t.occupancy.set_exclusive(v, abm::Occupancy::kEmpty);
      ++out.tally.cleared;
    }
    return;
  }
  // IFN-γ signalling relaxes toward jak·I/(I + I50); it sets PD-L1 and MHC-I.
  const double ifng = std::max(c.fields[kIfng][v], 0.0);
  double& signal = a.real(t.col.signal, i);
  signal += (p.jak * ifng / (ifng + p.ifng_half) - signal) * c.chance(p.ifng_response);
  a.real(t.col.pdl1, i) = a.real(t.col.pdl1_base, i) * (1.0 + (p.pdl1_fold - 1.0) * signal);
  const double clone_mhc = a.integer(t.col.clone, i) == 0 ? p.mhc_antigenic : p.mhc_escape;
  a.real(t.col.mhc, i) = clone_mhc * (1.0 + p.mhc_gain * signal) / (1.0 + p.mhc_gain);

  const double o2 = std::max(c.fields[kOxygen][v], 0.0);
  std::array<std::size_t, 26> room{};
  const std::size_t n_room = free_neighbours(c, v, room);
  const double prolif = proliferation_factor(p, o2);
  const bool cycling = prolif > 0.0 && n_room > 0;
  a.integer(t.col.cycling, i) = cycling ? 1 : 0;

  const double hazards[4] = {p.apoptosis_rate, necrosis_hazard(p, o2), cycling ? c.signals.chemo_kill : 0.0,
                             c.signals.adc_kill};
  const double total = hazards[0] + hazards[1] + hazards[2] + hazards[3];
  if (rng.bernoulli(c.chance(total))) {
    double pick = rng.uniform() * total;
    std::size_t cause = 0;
    while (cause < 3 && pick > hazards[cause]) pick -= hazards[cause++];
    std::int64_t* counters[4] = {&out.tally.apoptosis, &out.tally.necrosis, &out.tally.chemo_kills,
                                 &out.tally.adc_kills};
    ++*counters[cause];
    a.integer(t.col.state, i) = kDeadOther;
    a.integer(t.col.cycling, i) = 0;
    return;
  }
  if (!cycling) return;
  const double division = p.division_rate * prolif * (1.0 - p.ifng_arrest * signal);
  if (!rng.bernoulli(c.chance(division))) return;
  const std::size_t target = room[rng.below(n_room)];
  t.occupancy.set_exclusive(target, abm::Occupancy::kPending);
  out.births.push_back({static_cast<std::uint8_t>(CellKind::kTumour), static_cast<std::uint32_t>(target),
                        static_cast<std::uint32_t>(i)});
  ++out.tally.tumour_divisions;
}

}  // namespace icbsim::models::spatial

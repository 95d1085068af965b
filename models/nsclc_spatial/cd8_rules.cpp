// CD8 T-cell rules (sources: docs/models/nsclc_spatial.md, "CD8 T cells").
#include "models/nsclc_spatial/cd8_rules.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "models/nsclc_spatial/local_environment.hpp"

namespace icbsim::models::spatial {

Crawl lymphocyte_crawl(const StepContext& c, std::size_t v) {
  const double kinesis = c.p.motility_floor + (1.0 - c.p.motility_floor) * chemokine_response(c, v);
  return Crawl{step_probability(c, c.p.cd8_speed) * kinesis, c.p.chemotaxis * (1.0 - c.p.tgfb_cxcr3 * tgfb_fraction(c, v)),
               true};
}

namespace {

/// Division of an engaged effector into a voxel with room (its own or a neighbour).
void divide(const StepContext& c, std::size_t i, std::size_t v, abm::CounterStream& rng, BlockScratch& out) {
  Tissue& t = c.tissue;
  const int cap_free = static_cast<int>(c.p.immune_cap_free);
  const int cap_shared = static_cast<int>(c.p.immune_cap_shared);
  std::array<std::size_t, 27> room{};
  std::size_t n = 0;
  auto consider = [&](std::size_t w) {
    if (t.occupancy.mobile(w) < t.immune_capacity(w, cap_free, cap_shared)) room[n++] = w;
  };
  consider(v);
  t.lattice().for_each_neighbour(v, consider);
  if (n == 0) return;
  const std::size_t target = room[rng.below(n)];
  t.occupancy.add_mobile(target, kCd8Class);
  out.births.push_back({static_cast<std::uint8_t>(CellKind::kCd8), static_cast<std::uint32_t>(target),
                        static_cast<std::uint32_t>(i)});
  ++out.tally.cd8_divisions;
}

}  // namespace

void update_cd8(const StepContext& c, std::size_t i, BlockScratch& out) {
  Tissue& t = c.tissue;
  abm::AgentStore& a = t.agents;
  const SpatialValues& p = c.p;
  const std::size_t v = a.voxel(i);
  abm::CounterStream rng = c.stream(i, Purpose::kCd8);
  const bool exhausted = t.state(i) == kExhausted;
  a.real(t.col.secretion, i) = 0.0;

  const double death = (exhausted ? p.exhausted_death : p.cd8_death) + c.signals.lymphocyte_kill;
  if (rng.bernoulli(c.chance(death))) {
    a.kill(i);
    t.occupancy.remove_mobile(v, kCd8Class);
    return;
  }
  double& pd1 = a.real(t.col.pd1, i);
  pd1 = 1.0 + (pd1 - 1.0) * std::exp(-p.pd1_decay * c.dt);

  // A synapse keeps its target (in the voxel the engaged column names) while that cell is viable;
  // otherwise a target is drawn among the viable tumour cells of the voxel and its neighbours.
  std::int32_t& engaged = a.integer(t.col.engaged, i);
  const std::int32_t held = engaged > 0 ? viable_tumour_at(t, static_cast<std::size_t>(engaged - 1)) : kNoTumourCell;
  if (held == kNoTumourCell) engaged = 0;
  const std::int32_t target = held != kNoTumourCell ? held : random_adjacent_tumour_cell(t, v, rng);
  const double target_pdl1 = target == kNoTumourCell ? 0.0 : a.real(t.col.pdl1, static_cast<std::size_t>(target));
  const double phi = checkpoint_free(p, c.signals, target_pdl1, pd1);

  if (exhausted) {
    if (rng.bernoulli(c.chance(p.reinvigoration * phi))) {
      a.integer(t.col.state, i) = kEffector;
      a.real(t.col.exhaustion, i) = 0.0;
    }
    step_immune_cell(c, i, lymphocyte_crawl(c, v), rng);
    return;
  }

  if (target != kNoTumourCell) {
    const auto j = static_cast<std::size_t>(target);
    const double presented = p.recognition * a.real(t.col.mhc, j);
    // A synapse lasts until a kill or its release; a new one forms at a rate set by MHC-I.
    const bool continuing = engaged != 0 && presented > 0.0 && !rng.bernoulli(c.chance(p.synapse_release));
    if (continuing || rng.bernoulli(c.chance(p.synapse_rate * presented))) {
      if (!continuing) {
        ++a.integer(t.col.synapses, i);
        pd1 = std::min(p.pd1_max, pd1 + p.pd1_gain);
        double& score = a.real(t.col.exhaustion, i);
        score += 1.0 - phi;
        if (score >= p.exhaustion_threshold) {
          a.integer(t.col.state, i) = kExhausted;
          engaged = 0;
          ++out.tally.exhaustions;
          return;
        }
      }
      const double function = phi * local_function(c, v);
      a.real(t.col.secretion, i) = function;
      engaged = static_cast<std::int32_t>(a.voxel(j)) + 1;
      if (rng.bernoulli(c.chance(p.kill_rate * function))) {
        a.integer(t.col.state, j) = kKilledByImmune;
        a.integer(t.col.cycling, j) = 0;
        ++a.integer(t.col.kills, i);
        ++out.tally.immune_kills;
        engaged = 0;
      }
      if (rng.bernoulli(c.chance(p.cd8_proliferation * function))) divide(c, i, v, rng, out);
      return;
    }
  }
  engaged = 0;
  step_immune_cell(c, i, lymphocyte_crawl(c, v), rng);
}

}  // namespace icbsim::models::spatial

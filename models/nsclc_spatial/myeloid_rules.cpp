// Treg, MDSC and macrophage rules (sources: docs/models/nsclc_spatial.md, "Suppressive cells").
#include "models/nsclc_spatial/myeloid_rules.hpp"

#include <algorithm>

#include "models/nsclc_spatial/cd8_rules.hpp"
#include "models/nsclc_spatial/local_environment.hpp"

namespace icbsim::models::spatial {
namespace {

/// Removes agent i when its death hazard fires; true if it died.
bool dies(const StepContext& c, std::size_t i, double hazard, abm::CounterStream& rng) {
  if (!rng.bernoulli(c.chance(hazard))) return false;
  Tissue& t = c.tissue;
  t.occupancy.remove_mobile(t.agents.voxel(i), t.mobile_class(i));
  t.agents.kill(i);
  return true;
}

/// MDSCs and macrophages crawl without chemotaxis.
Crawl myeloid_crawl(const StepContext& c) { return Crawl{step_probability(c, c.p.myeloid_speed), 0.0, false}; }

}  // namespace

void update_treg(const StepContext& c, std::size_t i) {
  abm::CounterStream rng = c.stream(i, Purpose::kTreg);
  if (dies(c, i, c.p.treg_death + c.p.treg_ctla4_depletion * c.signals.ro_ctla4, rng)) return;
  const std::size_t v = c.tissue.agents.voxel(i);
  step_immune_cell(c, i, lymphocyte_crawl(c, v), rng);
}

void update_mdsc(const StepContext& c, std::size_t i) {
  abm::CounterStream rng = c.stream(i, Purpose::kMdsc);
  if (dies(c, i, c.p.mdsc_death, rng)) return;
  step_immune_cell(c, i, myeloid_crawl(c), rng);
}

void update_macrophage(const StepContext& c, std::size_t i, BlockScratch& out) {
  Tissue& t = c.tissue;
  abm::AgentStore& a = t.agents;
  const SpatialValues& p = c.p;
  abm::CounterStream rng = c.stream(i, Purpose::kMacrophage);
  if (dies(c, i, p.macrophage_death, rng)) return;
  const std::size_t v = a.voxel(i);
  const bool m1 = t.state(i) == kM1;
  const double ifng = std::max(c.fields[kIfng][v], 0.0);
  const double switch_rate = m1 ? p.m2_polarisation * tgfb_fraction(c, v) : p.m1_polarisation * ifng / (ifng + p.ifng_half);
  if (rng.bernoulli(c.chance(switch_rate))) {
    t.occupancy.remove_mobile(v, m1 ? kM1Class : kM2Class);
    a.integer(t.col.state, i) = m1 ? kM2 : kM1;
    t.occupancy.add_mobile(v, m1 ? kM2Class : kM1Class);
  } else if (m1) {
    // Kill of one adjacent viable tumour cell, chosen at random.
    const std::int32_t target = random_adjacent_tumour_cell(t, v, rng);
    if (target != kNoTumourCell && rng.bernoulli(c.chance(p.m1_kill))) {
      a.integer(t.col.state, static_cast<std::size_t>(target)) = kDeadOther;
      a.integer(t.col.cycling, static_cast<std::size_t>(target)) = 0;
      ++out.tally.m1_kills;
    }
  }
  step_immune_cell(c, i, myeloid_crawl(c), rng);
}

}  // namespace icbsim::models::spatial

// cd8_rules: synapse formation gated by antigen recognition and MHC-I, the per-step kill probability
// against 1 − exp(−rate·Δt·φ·F), exhaustion and reinvigoration, PD-1 induction and decay, engaged
// cells holding still and dividing only into room, death, and the lymphocyte crawl parameters —
// each on a hand-built 3 x 3 tissue around one tumour cell.
#include <catch2/catch.hpp>

#include <cmath>
#include <utility>

#include "models/nsclc_spatial/cd8_rules.hpp"
#include "tests/models/nsclc_spatial/tiny_tissue.hpp"

namespace {

using namespace spatial_rules_test;

/// Values under which an effector forms a synapse with certainty when anything is presented
/// (chance 1 − exp(−1e6·Δt) = 1), has φ = 1 against a PD-L1-negative target (no stromal PD-L1,
/// no alternative checkpoint), does not die and does not divide.
sp::SpatialValues synapse_values() {
  sp::SpatialValues p = default_values();
  p.synapse_rate = 1e6;
  p.stromal_pdl1 = 0.0;
  p.alt_inhibition = 0.0;
  p.cd8_death = 0.0;
  p.exhausted_death = 0.0;
  p.cd8_proliferation = 0.0;
  return p;
}

}  // namespace

TEST_CASE("a CD8 beside a tumour cell that presents nothing never forms a synapse or kills", "[spatial][cd8_rules]") {
  sp::SpatialValues p = synapse_values();
  p.kill_rate = 1e6;
  // Presented antigen = cd8_antigen_recognition·MHC-I: zero when MHC-I = 0 (B2M loss) or when no
  // epitope is recognised.
  for (const auto& [recognition, mhc] : {std::pair{1.0, 0.0}, std::pair{0.0, 1.0}}) {
    p.recognition = recognition;
    TinyTissue t({3, 3, 1}, p);
    const std::size_t tumour = t.add_tumour(t.voxel(1, 1), 0.0, mhc);
    const std::size_t cd8 = t.add_immune(sp::CellKind::kCd8, t.voxel(0, 0));
    sp::BlockScratch out;
    // Two thousand steps (8 days); every voxel of a 3 x 3 lattice neighbours the centre, so the
    // crawling cell stays beside its target.
    for (std::uint64_t step = 0; step < 2000; ++step) sp::update_cd8(t.context(step), cd8, out);
    const auto& a = t.tissue.agents;
    CHECK(t.tissue.viable_tumour(tumour));
    CHECK(a.integer(t.tissue.col.kills, cd8) == 0);
    CHECK(a.integer(t.tissue.col.synapses, cd8) == 0);
    CHECK(a.integer(t.tissue.col.engaged, cd8) == 0);
    CHECK(a.real(t.tissue.col.secretion, cd8) == 0.0);
    CHECK(out.tally.immune_kills == 0);
  }
}

TEST_CASE("synapses form at cd8_synapse_rate times recognition times MHC-I", "[spatial][cd8_rules]") {
  sp::SpatialValues p = synapse_values();
  p.synapse_rate = 96.0;
  p.recognition = 0.5;
  p.kill_rate = 0.0;
  const double mhc = 0.5;
  const int n = 4000;
  int formed = 0;
  for (int k = 0; k < n; ++k) {
    TinyTissue t({3, 3, 1}, p);
    t.add_tumour(t.voxel(1, 1), 0.0, mhc);
    const std::size_t cd8 = t.add_immune(sp::CellKind::kCd8, t.voxel(0, 0));
    sp::BlockScratch out;
    sp::update_cd8(t.context(static_cast<std::uint64_t>(k)), cd8, out);
    formed += t.tissue.agents.integer(t.tissue.col.synapses, cd8);
  }
  // Hazard 96·0.5·0.5 = 24/day (docs "CD8 T cells").
  const double expected = step_chance(24.0);
  INFO(formed << " synapses in " << n << " trials, expected probability " << expected);
  CHECK(std::abs(formed - n * expected) <= binomial_band(n, expected));
}

TEST_CASE("with recognition and zero PD-L1 the kill probability per step is 1 - exp(-rate dt)", "[spatial][cd8_rules]") {
  sp::SpatialValues p = synapse_values();
  p.kill_rate = 24.0;
  const int n = 4000;
  int kills = 0;
  for (int k = 0; k < n; ++k) {
    TinyTissue t({3, 3, 1}, p);
    const std::size_t tumour = t.add_tumour(t.voxel(1, 1), /*pdl1=*/0.0, /*mhc=*/1.0);
    const std::size_t cd8 = t.add_immune(sp::CellKind::kCd8, t.voxel(0, 0));
    sp::BlockScratch out;
    sp::update_cd8(t.context(static_cast<std::uint64_t>(k)), cd8, out);
    REQUIRE(t.tissue.agents.integer(t.tissue.col.synapses, cd8) == 1);  // certain synapse
    if (t.tissue.state(tumour) == sp::kKilledByImmune) {
      ++kills;
      CHECK(t.tissue.agents.integer(t.tissue.col.kills, cd8) == 1);
      CHECK(t.tissue.agents.integer(t.tissue.col.engaged, cd8) == 0);  // a kill ends the synapse
      CHECK(out.tally.immune_kills == 1);
    }
  }
  // φ = (1 − H_PD1)(1 − H_alt) = 1 (B = 0, a = 0) and F = 1 (no suppressors, no TGF-β, hypoxia factor
  // off by default): kill hazard cd8_kill_rate = 24/day, probability 1 − exp(−24·Δt) = 0.0952.
  const double expected = step_chance(24.0);
  INFO(kills << " kills in " << n << " trials, expected probability " << expected);
  CHECK(std::abs(kills - n * expected) <= binomial_band(n, expected));
}

TEST_CASE("PD-L1 on the target halves the kill rate where B equals cd8_checkpoint_half", "[spatial][cd8_rules]") {
  sp::SpatialValues p = synapse_values();
  p.kill_rate = 48.0;
  const int n = 4000;
  int kills = 0;
  int kills_blocked = 0;
  for (int k = 0; k < n; ++k) {
    for (const double ro_pd1 : {0.0, 1.0}) {
      TinyTissue t({3, 3, 1}, p);
      t.signals.ro_pd1 = ro_pd1;
      // B = (1 − RO_PD1)(1 − RO_PD-L1)·PD-L1·PD-1 = PD-L1 = K = cd8_checkpoint_half: H_PD1 = 1/2.
      const std::size_t tumour = t.add_tumour(t.voxel(1, 1), p.checkpoint_half, 1.0);
      const std::size_t cd8 = t.add_immune(sp::CellKind::kCd8, t.voxel(0, 0));
      sp::BlockScratch out;
      sp::update_cd8(t.context(static_cast<std::uint64_t>(k)), cd8, out);
      const bool killed = t.tissue.state(tumour) == sp::kKilledByImmune;
      (ro_pd1 == 0.0 ? kills : kills_blocked) += killed ? 1 : 0;
    }
  }
  // φ = 1/2: hazard 48·0.5 = 24/day; full PD-1 occupancy gives B = 0, φ = 1: hazard 48/day.
  const double half = step_chance(24.0), full = step_chance(48.0);
  CHECK(std::abs(kills - n * half) <= binomial_band(n, half));
  CHECK(std::abs(kills_blocked - n * full) <= binomial_band(n, full));
}

TEST_CASE("an engaged effector secretes IFN-gamma at phi times F and holds still", "[spatial][cd8_rules]") {
  sp::SpatialValues p = synapse_values();
  p.kill_rate = 0.0;
  p.synapse_release = 0.0;  // the synapse lasts
  p.cd8_speed = 1e6;        // it would step every time if it were free
  TinyTissue t({3, 3, 1}, p);
  t.add_tumour(t.voxel(1, 1), 0.0, 1.0);
  const std::size_t cd8 = t.add_immune(sp::CellKind::kCd8, t.voxel(0, 0));
  t.add_immune(sp::CellKind::kTreg, t.voxel(2, 2));  // a Treg two voxels away from the CD8: not counted
  t.add_immune(sp::CellKind::kTreg, t.voxel(1, 0));  // a neighbouring Treg
  sp::BlockScratch out;
  const int steps = 500;
  for (std::uint64_t step = 0; step < static_cast<std::uint64_t>(steps); ++step) {
    sp::update_cd8(t.context(step), cd8, out);
    REQUIRE(t.tissue.agents.voxel(cd8) == t.voxel(0, 0));
  }
  const auto& a = t.tissue.agents;
  CHECK(a.integer(t.tissue.col.engaged, cd8) == static_cast<std::int32_t>(t.voxel(1, 1)) + 1);  // its target's voxel
  CHECK(a.integer(t.tissue.col.synapses, cd8) == 1);  // one synapse, continued
  // φ = 1; F = 1/(1 + treg_suppression·n_Treg) = 1/(1 + 1·1) over the voxel and its neighbours.
  CHECK(a.real(t.tissue.col.secretion, cd8) == Approx(0.5).epsilon(1e-14));
  // PD-1: resting 1, + cd8_pd1_gain = 0.25 at the synapse (step 0), then 499 steps of decay toward 1
  // at cd8_pd1_decay = 0.1/day: 1 + 0.25·exp(−0.1·499·Δt).
  CHECK(a.real(t.tissue.col.pd1, cd8) == Approx(1.0 + 0.25 * std::exp(-0.1 * (steps - 1) * kDt)).epsilon(1e-12));
}

TEST_CASE("a synapse keeps its target until the target dies", "[spatial][cd8_rules]") {
  // Two neighbours of the CD8: an antigenic cell and an MHC-I-low escape cell (MHC-I 0.05). Each
  // trial engages one of them at step 0 and then continues for 200 steps without release; kills
  // are off, so every continued step must keep the first target.
  sp::SpatialValues p = synapse_values();
  p.kill_rate = 0.0;
  p.synapse_release = 0.0;
  int first_antigenic = 0, switched = 0;
  const int trials = 200;
  for (int trial = 0; trial < trials; ++trial) {
    TinyTissue t({3, 3, 1}, p);
    t.add_tumour(t.voxel(1, 1), 0.0, 1.0, 0);
    t.add_tumour(t.voxel(0, 1), 0.0, 0.05, 1);
    const std::size_t cd8 = t.add_immune(sp::CellKind::kCd8, t.voxel(0, 0));
    sp::BlockScratch out;
    const auto first_step = static_cast<std::uint64_t>(trial) * 1000;
    sp::update_cd8(t.context(first_step), cd8, out);
    const std::int32_t held = t.tissue.agents.integer(t.tissue.col.engaged, cd8);
    REQUIRE(held > 0);  // synapse_rate 1e6: certain even at MHC-I 0.05
    first_antigenic += held == static_cast<std::int32_t>(t.voxel(1, 1)) + 1 ? 1 : 0;
    for (std::uint64_t step = first_step + 1; step <= first_step + 200; ++step) {
      sp::update_cd8(t.context(step), cd8, out);
      switched += t.tissue.agents.integer(t.tissue.col.engaged, cd8) != held ? 1 : 0;
    }
    CHECK(t.tissue.agents.integer(t.tissue.col.synapses, cd8) == 1);
  }
  CHECK(switched == 0);
  // The first target is drawn uniformly between the two: binomial(200, 1/2).
  CHECK(std::abs(first_antigenic - trials * 0.5) <= binomial_band(trials, 0.5));
  // When the target dies, the next step draws a new one.
  TinyTissue t({3, 3, 1}, p);
  const std::size_t antigenic = t.add_tumour(t.voxel(1, 1), 0.0, 1.0, 0);
  t.add_tumour(t.voxel(0, 1), 0.0, 0.05, 1);
  const std::size_t cd8 = t.add_immune(sp::CellKind::kCd8, t.voxel(0, 0));
  sp::BlockScratch out;
  std::uint64_t step = 0;
  while (t.tissue.agents.integer(t.tissue.col.engaged, cd8) != static_cast<std::int32_t>(t.voxel(1, 1)) + 1) {
    t.tissue.agents.integer(t.tissue.col.engaged, cd8) = 0;
    sp::update_cd8(t.context(step++), cd8, out);
    REQUIRE(step < 1000);
  }
  t.tissue.agents.integer(t.tissue.col.state, antigenic) = sp::kKilledByImmune;
  sp::update_cd8(t.context(step), cd8, out);
  CHECK(t.tissue.agents.integer(t.tissue.col.engaged, cd8) == static_cast<std::int32_t>(t.voxel(0, 1)) + 1);
}

TEST_CASE("PD-1 rises by cd8_pd1_gain per new synapse up to cd8_pd1_max", "[spatial][cd8_rules]") {
  sp::SpatialValues p = synapse_values();
  p.kill_rate = 0.0;
  p.synapse_release = 1e6;  // every synapse is released at the next step and a new one forms
  p.pd1_decay = 0.0;
  p.exhaustion_threshold = 1e9;
  TinyTissue t({3, 3, 1}, p);
  t.add_tumour(t.voxel(1, 1), 0.0, 1.0);
  const std::size_t cd8 = t.add_immune(sp::CellKind::kCd8, t.voxel(0, 0));
  sp::BlockScratch out;
  for (std::uint64_t step = 0; step < 4; ++step) sp::update_cd8(t.context(step), cd8, out);
  // Four new synapses: 1 + 4·0.25 = 2.
  CHECK(t.tissue.agents.integer(t.tissue.col.synapses, cd8) == 4);
  CHECK(t.tissue.agents.real(t.tissue.col.pd1, cd8) == Approx(2.0).epsilon(1e-14));
  for (std::uint64_t step = 4; step < 20; ++step) sp::update_cd8(t.context(step), cd8, out);
  CHECK(t.tissue.agents.real(t.tissue.col.pd1, cd8) == 3.0);  // capped at cd8_pd1_max = 3
}

TEST_CASE("an exhausted CD8 T cell neither kills nor secretes IFN-gamma", "[spatial][cd8_rules]") {
  sp::SpatialValues p = synapse_values();
  p.kill_rate = 1e6;
  p.exhaustion_threshold = 0.5;
  p.reinvigoration = 0.0;
  TinyTissue t({3, 3, 1}, p);
  // PD-L1 = K: φ = 1/2, so the first synapse adds 1 − φ = 0.5 to the exhaustion score: the
  // threshold is reached and the cell is exhausted before it can kill.
  const std::size_t tumour = t.add_tumour(t.voxel(1, 1), p.checkpoint_half, 1.0);
  const std::size_t cd8 = t.add_immune(sp::CellKind::kCd8, t.voxel(0, 0));
  sp::BlockScratch out;
  sp::update_cd8(t.context(0), cd8, out);
  const auto& a = t.tissue.agents;
  CHECK(t.tissue.state(cd8) == sp::kExhausted);
  CHECK(a.real(t.tissue.col.exhaustion, cd8) == Approx(0.5));
  CHECK(out.tally.exhaustions == 1);
  for (std::uint64_t step = 1; step < 1000; ++step) {
    sp::update_cd8(t.context(step), cd8, out);
    REQUIRE(a.real(t.tissue.col.secretion, cd8) == 0.0);
  }
  CHECK(t.tissue.viable_tumour(tumour));
  CHECK(a.integer(t.tissue.col.kills, cd8) == 0);
  CHECK(t.tissue.state(cd8) == sp::kExhausted);
}

TEST_CASE("exhausted cells return to function at cd8_reinvigoration_rate times phi", "[spatial][cd8_rules]") {
  sp::SpatialValues p = synapse_values();
  p.reinvigoration = 48.0;
  const int n = 4000;
  int returned = 0;
  for (int k = 0; k < n; ++k) {
    TinyTissue t({3, 3, 1}, p);
    // Target PD-L1 = K and PD-1 = 1: φ = 1/2.
    t.add_tumour(t.voxel(1, 1), p.checkpoint_half, 1.0);
    const std::size_t cd8 = t.add_immune(sp::CellKind::kCd8, t.voxel(0, 0), sp::kExhausted);
    t.tissue.agents.real(t.tissue.col.exhaustion, cd8) = 60.0;
    sp::BlockScratch out;
    sp::update_cd8(t.context(static_cast<std::uint64_t>(k)), cd8, out);
    if (t.tissue.state(cd8) == sp::kEffector) {
      ++returned;
      CHECK(t.tissue.agents.real(t.tissue.col.exhaustion, cd8) == 0.0);  // the score starts again
    }
  }
  const double expected = step_chance(48.0 * 0.5);
  CHECK(std::abs(returned - n * expected) <= binomial_band(n, expected));
}

TEST_CASE("an engaged effector divides only into a voxel with room", "[spatial][cd8_rules]") {
  sp::SpatialValues p = synapse_values();
  p.kill_rate = 0.0;
  p.synapse_release = 0.0;
  p.cd8_proliferation = 1e6;  // divides whenever it can
  TinyTissue t({3, 3, 1}, p);
  t.add_tumour(t.voxel(1, 1), 0.0, 1.0);
  const std::size_t cd8 = t.add_immune(sp::CellKind::kCd8, t.voxel(0, 0));
  // The corner's neighbourhood: its own voxel and (1,0), (0,1) without tissue cells (cap
  // immune_cap_free = 2) and (1,1) beside the tumour cell (cap immune_cap_shared = 1) — all filled.
  t.add_immune(sp::CellKind::kMdsc, t.voxel(0, 0));
  for (int k = 0; k < 2; ++k) {
    t.add_immune(sp::CellKind::kMdsc, t.voxel(1, 0));
    t.add_immune(sp::CellKind::kMdsc, t.voxel(0, 1));
  }
  t.add_immune(sp::CellKind::kMdsc, t.voxel(1, 1));
  sp::BlockScratch out;
  for (std::uint64_t step = 0; step < 200; ++step) sp::update_cd8(t.context(step), cd8, out);
  CHECK(out.births.empty());
  CHECK(out.tally.cd8_divisions == 0);
  // One place freed at (1,0): the daughter goes there.
  t.tissue.occupancy.remove_mobile(t.voxel(1, 0), sp::kMdscClass);
  sp::update_cd8(t.context(200), cd8, out);
  REQUIRE(out.births.size() == 1);
  CHECK(out.births[0].voxel == t.voxel(1, 0));
  CHECK(out.births[0].kind == static_cast<std::uint8_t>(sp::CellKind::kCd8));
  CHECK(t.tissue.occupancy.mobile(t.voxel(1, 0), sp::kCd8Class) == 1);
}

TEST_CASE("CD8 death hazard is cd8_death_rate plus the lymphotoxic drug kill", "[spatial][cd8_rules]") {
  sp::SpatialValues p = default_values();
  p.cd8_death = 12.0;
  const int n = 4000;
  int died = 0;
  for (int k = 0; k < n; ++k) {
    TinyTissue t({3, 3, 1}, p);
    t.signals.lymphocyte_kill = 12.0;
    const std::size_t v = t.voxel(1, 1);
    const std::size_t cd8 = t.add_immune(sp::CellKind::kCd8, v);
    sp::BlockScratch out;
    sp::update_cd8(t.context(static_cast<std::uint64_t>(k)), cd8, out);
    if (!t.tissue.agents.alive(cd8)) {
      ++died;
      CHECK(t.tissue.occupancy.mobile(v) == 0);  // removed from its voxel's count
    }
  }
  const double expected = step_chance(24.0);
  CHECK(std::abs(died - n * expected) <= binomial_band(n, expected));
}

TEST_CASE("lymphocyte crawl follows chemokinesis and TGF-beta-lowered chemotaxis", "[spatial][cd8_rules]") {
  sp::SpatialValues p = default_values();
  TinyTissue t({3, 3, 1}, p);
  const std::size_t v = t.voxel(1, 1);
  t.fill(sp::kChemokine, p.chemokine_half);  // C/(C + C50) = 1/2
  t.fill(sp::kTgfb, p.tgfb_half);            // H_TGF = 1/2
  const sp::Crawl crawl = sp::lymphocyte_crawl(t.context(0), v);
  // CXCR3 response = 1/2·(1 − 0.8·1/2) = 0.3; kinesis = floor + (1 − floor)·0.3 = 0.2 + 0.8·0.3 = 0.44.
  // Step probability cd8_speed·Δt/h = 5 um/min·6 min/20 um = 1.5, capped at 1 before the kinesis
  // factor (step_probability, local_environment.hpp): move probability 1·0.44 = 0.44. (The docs'
  // product 1.5·0.44 = 0.66 would be a probability below 1 too; the code keeps the lattice limit of
  // one voxel per step on the speed itself.)
  CHECK(crawl.move_probability == Approx(0.44).epsilon(1e-14));
  // χ = cd8_chemotaxis·(1 − tgfb_cxcr3_suppression·H_TGF) = 3·(1 − 0.4) = 1.8.
  CHECK(crawl.chemotaxis == Approx(1.8).epsilon(1e-14));
  CHECK(crawl.cxcr3_gated);

  // Slower cells: at 1 um/min the step probability is 1·6/20 = 0.3; no chemokine: kinesis = floor.
  t.p.cd8_speed = 1440.0;  // 1 um/min in um/day
  t.fill(sp::kChemokine, 0.0);
  t.fill(sp::kTgfb, 0.0);
  const sp::Crawl slow = sp::lymphocyte_crawl(t.context(0), v);
  CHECK(slow.move_probability == Approx(0.3 * 0.2).epsilon(1e-14));
  CHECK(slow.chemotaxis == Approx(3.0));
}

TEST_CASE("the synapse target is drawn uniformly among viable tumour cells of the voxel and its neighbours", "[spatial][cd8_rules]") {
  sp::SpatialValues p = synapse_values();
  p.kill_rate = 1e6;  // the first synapse kills for certain: the victim shows the target
  const int n = 4000;
  int first = 0, second = 0, dead_hit = 0;
  for (int k = 0; k < n; ++k) {
    TinyTissue t({5, 3, 1}, p);
    const std::size_t cd8 = t.add_immune(sp::CellKind::kCd8, t.voxel(1, 1));
    const std::size_t a = t.add_tumour(t.voxel(0, 0), 0.0, 1.0);
    const std::size_t b = t.add_tumour(t.voxel(2, 1), 0.0, 1.0);
    const std::size_t dead = t.add_tumour(t.voxel(1, 2), 0.0, 1.0);
    t.tissue.agents.integer(t.tissue.col.state, dead) = sp::kDeadOther;  // not a target
    t.add_tumour(t.voxel(3, 1), 0.0, 1.0);                                // two voxels away: not a target
    sp::BlockScratch out;
    sp::update_cd8(t.context(static_cast<std::uint64_t>(k)), cd8, out);
    REQUIRE(out.tally.immune_kills == 1);
    first += t.tissue.state(a) == sp::kKilledByImmune ? 1 : 0;
    second += t.tissue.state(b) == sp::kKilledByImmune ? 1 : 0;
    dead_hit += t.tissue.state(dead) == sp::kKilledByImmune ? 1 : 0;
  }
  // Two eligible targets: each with probability 1/2.
  CHECK(first + second == n);
  CHECK(dead_hit == 0);
  CHECK(std::abs(first - n * 0.5) <= binomial_band(n, 0.5));
}

// tumour_rules: the O2 proliferation factor, JAK-gated IFN-γ signalling setting PD-L1 and MHC-I,
// necrosis below the O2 threshold, drug kills, clearance of dead cells and division only into a
// free neighbouring voxel, each on a hand-built tissue of 3 x 3 voxels.
#include <catch2/catch.hpp>

#include <cmath>

#include "models/nsclc_spatial/tumour_rules.hpp"
#include "tests/models/nsclc_spatial/tiny_tissue.hpp"

namespace {

using namespace spatial_rules_test;

/// Values with no death and no division, so that one rule at a time can be switched on.
sp::SpatialValues quiet_values() {
  sp::SpatialValues p = default_values();
  p.apoptosis_rate = 0.0;
  p.necrosis_rate = 0.0;
  p.division_rate = 0.0;
  return p;
}

/// Outcome of one step of a fresh 3 x 3 tissue with a tumour cell at the centre.
struct Outcome {
  bool dead = false;
  bool divided = false;
  sp::StepTally tally;
};

}  // namespace

TEST_CASE("proliferation factor is linear in O2 between threshold and saturation", "[spatial][tumour_rules]") {
  const sp::SpatialValues p = default_values();
  // Docs "Tumour cells": p(O2) linear from 0 at o2_proliferation_threshold (6.7 uM) to 1 at
  // o2_proliferation_saturation (50.9 uM).
  CHECK(sp::proliferation_factor(p, 0.0) == 0.0);
  CHECK(sp::proliferation_factor(p, 6.7) == 0.0);
  CHECK(sp::proliferation_factor(p, 50.9) == 1.0);
  CHECK(sp::proliferation_factor(p, 200.0) == 1.0);
  CHECK(sp::proliferation_factor(p, 0.5 * (6.7 + 50.9)) == Approx(0.5));   // midpoint
  CHECK(sp::proliferation_factor(p, 6.7 + 0.25 * 44.2) == Approx(0.25));  // a quarter of the 44.2-uM span
}

TEST_CASE("IFN-gamma signalling relaxes toward its JAK-gated target and sets PD-L1 and MHC-I", "[spatial][tumour_rules]") {
  sp::SpatialValues p = quiet_values();
  TinyTissue t({3, 3, 1}, p);
  const std::size_t v = t.voxel(1, 1);
  const double base_pdl1 = 0.8;
  const std::size_t i = t.add_tumour(v, base_pdl1, /*mhc=*/1.0 / 3.0);
  const std::size_t escape = t.add_tumour(t.voxel(0, 0), base_pdl1, 0.05 / 3.0, /*clone=*/1);
  const double ifng = 3.0 * p.ifng_half;  // I/(I + I50) = 3/4
  t.fill(sp::kIfng, ifng);
  sp::BlockScratch out;
  for (std::uint64_t step = 0; step < 240; ++step) {  // one day
    sp::update_tumour_cell(t.context(step), i, out);
    sp::update_tumour_cell(t.context(step), escape, out);
  }
  // s relaxes toward jak·I/(I + I50) = 0.75 at tumour_ifng_response_rate (0.5/day): each step moves
  // it by the share 1 − exp(−0.5·Δt), so after 240 steps s = 0.75·(1 − exp(−0.5·1 day)).
  const double s = 0.75 * (1.0 - std::exp(-0.5));
  const auto& a = t.tissue.agents;
  CHECK(a.real(t.tissue.col.signal, i) == Approx(s).epsilon(1e-12));
  // PD-L1 = constitutive·(1 + (fold − 1)·s), fold = tumour_pdl1_ifng_fold = 6.
  CHECK(a.real(t.tissue.col.pdl1, i) == Approx(base_pdl1 * (1.0 + 5.0 * s)).epsilon(1e-12));
  // MHC-I = clone level·(1 + g·s)/(1 + g), g = tumour_mhc_ifng_gain = 2; clone levels 1 and 0.05.
  CHECK(a.real(t.tissue.col.mhc, i) == Approx((1.0 + 2.0 * s) / 3.0).epsilon(1e-12));
  CHECK(a.real(t.tissue.col.mhc, escape) == Approx(0.05 * (1.0 + 2.0 * s) / 3.0).epsilon(1e-12));
  // The constitutive level is heritable and unchanged.
  CHECK(a.real(t.tissue.col.pdl1_base, i) == base_pdl1);
  CHECK(out.births.empty());
}

TEST_CASE("JAK loss gives no PD-L1 or MHC-I induction by IFN-gamma", "[spatial][tumour_rules]") {
  sp::SpatialValues p = quiet_values();
  p.jak = 0.0;  // tumour_jak_signalling = 0, the jak_loss overlay
  TinyTissue t({3, 3, 1}, p);
  const std::size_t i = t.add_tumour(t.voxel(1, 1), 1.3, 1.0 / 3.0);
  t.fill(sp::kIfng, 1000.0 * p.ifng_half);  // saturating IFN-γ
  sp::BlockScratch out;
  for (std::uint64_t step = 0; step < 2400; ++step) sp::update_tumour_cell(t.context(step), i, out);  // ten days
  const auto& a = t.tissue.agents;
  // Target jak·I/(I + I50) = 0: signalling, PD-L1 and MHC-I stay at their IFN-free levels.
  CHECK(a.real(t.tissue.col.signal, i) == 0.0);
  CHECK(a.real(t.tissue.col.pdl1, i) == 1.3);
  CHECK(a.real(t.tissue.col.mhc, i) == Approx(1.0 / 3.0).epsilon(1e-15));  // 1/(1 + g), g = 2
}

TEST_CASE("a tumour cell without a free neighbour does not divide", "[spatial][tumour_rules]") {
  sp::SpatialValues p = quiet_values();
  p.division_rate = 1e6;  // certain division whenever the rule allows it
  TinyTissue t({3, 3, 1}, p);
  const std::size_t centre = t.voxel(1, 1);
  const std::size_t i = t.add_tumour(centre);
  // Every neighbour taken: tumour cells, a fibroblast, a vessel, and a voxel with two immune cells
  // (more than immune_cap_shared = 1; a daughter needs no tissue cell or vessel and <= 1 immune cell).
  t.add_fibroblast(t.voxel(0, 0));
  t.tissue.add_vessel(t.voxel(1, 0), sp::Vessel::kIntratumoural);
  const std::size_t crowded = t.voxel(2, 2);
  t.add_immune(sp::CellKind::kMdsc, crowded);
  t.add_immune(sp::CellKind::kMdsc, crowded);
  for (const auto& c : {abm::Coord{2, 0, 0}, abm::Coord{0, 1, 0}, abm::Coord{2, 1, 0}, abm::Coord{0, 2, 0},
                        abm::Coord{1, 2, 0}})
    t.add_tumour(t.lattice.index(c));
  sp::BlockScratch out;
  for (std::uint64_t step = 0; step < 1000; ++step) sp::update_tumour_cell(t.context(step), i, out);
  CHECK(out.births.empty());
  CHECK(out.tally.tumour_divisions == 0);
  CHECK(t.tissue.agents.integer(t.tissue.col.cycling, i) == 0);  // `cycling` = O2 and room

  // One immune cell in the crowded voxel is within the shared cap: the voxel is free for a daughter,
  // which goes there (the only room) in the first step (chance 1 − exp(−1e6·Δt) = 1).
  t.tissue.occupancy.remove_mobile(crowded, sp::kMdscClass);
  sp::update_tumour_cell(t.context(1000), i, out);
  REQUIRE(out.births.size() == 1);
  CHECK(out.births[0].voxel == crowded);
  CHECK(out.births[0].parent == i);
  CHECK(t.tissue.occupancy.exclusive(crowded) == abm::Occupancy::kPending);
  CHECK(t.tissue.agents.integer(t.tissue.col.cycling, i) == 1);
}

TEST_CASE("division probability per step matches the O2- and IFN-gamma-scaled rate", "[spatial][tumour_rules]") {
  sp::SpatialValues p = quiet_values();
  p.division_rate = 48.0;
  const double o2 = 0.5 * (p.o2_prolif_threshold + p.o2_prolif_saturation);  // p(O2) = 1/2
  const double s0 = 0.5;                                                       // IFN-γ signalling at the start
  // Without IFN-γ the signal decays in the step before division is drawn: s = s0·exp(−0.5·Δt).
  const double s = s0 * std::exp(-p.ifng_response * kDt);
  // Division hazard tumour_division_rate·p(O2)·(1 − tumour_ifng_arrest·s) = 48·0.5·(1 − 0.3·s).
  const double expected = step_chance(48.0 * 0.5 * (1.0 - 0.3 * s));
  const int n = 4000;
  int divided = 0;
  for (int k = 0; k < n; ++k) {
    TinyTissue t({3, 3, 1}, p);
    const std::size_t i = t.add_tumour(t.voxel(1, 1));
    t.tissue.agents.real(t.tissue.col.signal, i) = s0;
    t.fill(sp::kOxygen, o2);
    sp::BlockScratch out;
    sp::update_tumour_cell(t.context(static_cast<std::uint64_t>(k)), i, out);
    divided += static_cast<int>(out.births.size());
  }
  INFO("divisions " << divided << " of " << n << ", expected probability " << expected);
  CHECK(std::abs(divided - n * expected) <= binomial_band(n, expected));
}

TEST_CASE("necrosis starts below the O2 threshold and is maximal at o2_necrosis_max", "[spatial][tumour_rules]") {
  sp::SpatialValues p = quiet_values();
  p.necrosis_rate = 24.0;
  // Necrosis hazard (docs "Death", PhysiCell): 0 at and above o2_necrosis_threshold (6.7 uM),
  // necrosis_rate at and below o2_necrosis_max (3.35 uM), linear between.
  const double threshold = p.o2_necrosis_threshold, maximal = p.o2_necrosis_max;
  const struct {
    double o2, hazard;
  } cases[] = {{threshold + 0.1, 0.0}, {threshold, 0.0}, {0.5 * (threshold + maximal), 12.0}, {maximal, 24.0}, {0.0, 24.0}};
  const int n = 3000;
  for (const auto& c : cases) {
    int necrotic = 0;
    for (int k = 0; k < n; ++k) {
      TinyTissue t({3, 3, 1}, p);
      const std::size_t i = t.add_tumour(t.voxel(1, 1));
      t.fill(sp::kOxygen, c.o2);
      sp::BlockScratch out;
      sp::update_tumour_cell(t.context(static_cast<std::uint64_t>(k)), i, out);
      if (t.tissue.state(i) == sp::kDeadOther) {
        ++necrotic;
        CHECK(out.tally.necrosis == 1);
        CHECK(t.tissue.agents.alive(i));  // a dead cell keeps its voxel until cleared
      }
    }
    const double expected = step_chance(c.hazard);
    INFO("O2 " << c.o2 << " uM: " << necrotic << " of " << n << " necrotic, expected probability " << expected);
    if (c.hazard == 0.0)
      CHECK(necrotic == 0);
    else
      CHECK(std::abs(necrotic - n * expected) <= binomial_band(n, expected));
  }
}

TEST_CASE("death causes are attributed in proportion to their hazards", "[spatial][tumour_rules]") {
  sp::SpatialValues p = quiet_values();
  p.apoptosis_rate = 12.0;
  const int n = 6000;
  int apoptosis = 0, adc = 0;
  for (int k = 0; k < n; ++k) {
    TinyTissue t({3, 3, 1}, p);
    t.signals.adc_kill = 36.0;
    const std::size_t i = t.add_tumour(t.voxel(1, 1));
    sp::BlockScratch out;
    sp::update_tumour_cell(t.context(static_cast<std::uint64_t>(k)), i, out);
    apoptosis += static_cast<int>(out.tally.apoptosis);
    adc += static_cast<int>(out.tally.adc_kills);
  }
  // Total hazard 12 + 36 = 48/day: death with 1 − exp(−48·Δt); a death is apoptosis with 12/48.
  const double dies = step_chance(48.0);
  CHECK(std::abs(apoptosis + adc - n * dies) <= binomial_band(n, dies));
  const double deaths = apoptosis + adc;
  CHECK(std::abs(apoptosis - deaths * 0.25) <= binomial_band(deaths, 0.25));
}

TEST_CASE("cytotoxic drugs kill only cycling tumour cells, the ADC all of them", "[spatial][tumour_rules]") {
  sp::SpatialValues p = quiet_values();
  const int n = 3000;
  int chemo_free = 0, chemo_crowded = 0, adc_crowded = 0;
  for (int k = 0; k < n; ++k) {
    for (int variant = 0; variant < 3; ++variant) {
      TinyTissue t({3, 3, 1}, p);
      const std::size_t i = t.add_tumour(t.voxel(1, 1));
      if (variant > 0)  // no free neighbour: not cycling
        t.lattice.for_each_neighbour(t.voxel(1, 1), [&](std::size_t w) { t.add_tumour(w); });
      (variant == 2 ? t.signals.adc_kill : t.signals.chemo_kill) = 24.0;
      sp::BlockScratch out;
      sp::update_tumour_cell(t.context(static_cast<std::uint64_t>(k)), i, out);
      const int died = t.tissue.state(i) == sp::kDeadOther ? 1 : 0;
      (variant == 0 ? chemo_free : variant == 1 ? chemo_crowded : adc_crowded) += died;
    }
  }
  // Hazard 24/day on cells that can cycle (O2 at supply, a free neighbour), none on a surrounded cell
  // (docs: "cytotoxic drugs on cycling cells and the ADC on all cells").
  const double expected = step_chance(24.0);
  CHECK(std::abs(chemo_free - n * expected) <= binomial_band(n, expected));
  CHECK(chemo_crowded == 0);
  CHECK(std::abs(adc_crowded - n * expected) <= binomial_band(n, expected));
}

TEST_CASE("dead tumour cells are cleared at dead_cell_clearance and free their voxel", "[spatial][tumour_rules]") {
  sp::SpatialValues p = quiet_values();
  p.dead_clearance = 24.0;
  const int n = 3000;
  int cleared = 0;
  for (int k = 0; k < n; ++k) {
    TinyTissue t({3, 3, 1}, p);
    const std::size_t v = t.voxel(1, 1);
    const std::size_t i = t.add_tumour(v);
    t.tissue.agents.integer(t.tissue.col.state, i) = sp::kKilledByImmune;
    sp::BlockScratch out;
    sp::update_tumour_cell(t.context(static_cast<std::uint64_t>(k)), i, out);
    if (!t.tissue.agents.alive(i)) {
      ++cleared;
      CHECK(t.tissue.occupancy.exclusive_free(v));
      CHECK(out.tally.cleared == 1);
    } else {
      CHECK(t.tissue.occupancy.exclusive(v) == static_cast<std::int32_t>(i));
    }
    CHECK(out.births.empty());  // dead cells never divide
  }
  const double expected = step_chance(24.0);
  CHECK(std::abs(cleared - n * expected) <= binomial_band(n, expected));
}

TEST_CASE("a daughter takes one of the free neighbouring voxels at random", "[spatial][tumour_rules]") {
  sp::SpatialValues p = quiet_values();
  p.division_rate = 1e6;  // certain division
  const int n = 4000;
  int west = 0;
  for (int k = 0; k < n; ++k) {
    TinyTissue t({3, 3, 1}, p);
    const std::size_t i = t.add_tumour(t.voxel(1, 1));
    // All neighbours but (0,1) and (2,1) are filled.
    t.lattice.for_each_neighbour(t.voxel(1, 1), [&](std::size_t w) {
      if (w != t.voxel(0, 1) && w != t.voxel(2, 1)) t.add_tumour(w);
    });
    sp::BlockScratch out;
    sp::update_tumour_cell(t.context(static_cast<std::uint64_t>(k)), i, out);
    REQUIRE(out.births.size() == 1);
    REQUIRE((out.births[0].voxel == t.voxel(0, 1) || out.births[0].voxel == t.voxel(2, 1)));
    west += out.births[0].voxel == t.voxel(0, 1) ? 1 : 0;
  }
  // Two free neighbours, each with probability 1/2.
  CHECK(std::abs(west - n * 0.5) <= binomial_band(n, 0.5));
}

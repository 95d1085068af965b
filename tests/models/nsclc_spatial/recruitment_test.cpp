// recruitment: the extravasation probability site·(floor + (1 − floor)·CXCR3 response) at stromal
// and intratumoural vessels, Poisson CD8 arrivals and their thinning by extravasation, per-tumour-
// cell entry of Tregs, MDSCs and macrophages, entry states, and refusal at a full vessel voxel.
#include <catch2/catch.hpp>

#include <cmath>

#include "models/nsclc_spatial/recruitment.hpp"
#include "tests/models/nsclc_spatial/tiny_tissue.hpp"

namespace {

using namespace spatial_rules_test;

/// Agents of `kind` in the tissue.
int count_kind(const sp::Tissue& t, sp::CellKind kind) {
  int n = 0;
  for (std::size_t i = 0; i < t.agents.size(); ++i) n += t.agents.alive(i) && t.kind(i) == kind ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("extravasation probability at a stromal and an intratumoural vessel", "[spatial][recruitment]") {
  sp::SpatialValues p = default_values();
  p.tumour_vessel_extravasation = 0.2;  // the WNT/β-catenin overlay's value
  TinyTissue t({3, 3, 1}, p);
  const std::size_t stromal = t.voxel(0, 0), tumoural = t.voxel(2, 2);
  t.tissue.add_vessel(stromal, sp::Vessel::kStromal);
  t.tissue.add_vessel(tumoural, sp::Vessel::kIntratumoural);
  // No CXCL9/10: the floor, extravasation_floor = 0.05 (stromal); × 0.2 inside the nest.
  CHECK(sp::extravasation_probability(t.context(0), stromal) == Approx(0.05).epsilon(1e-14));
  CHECK(sp::extravasation_probability(t.context(0), tumoural) == Approx(0.01).epsilon(1e-14));
  // C = C50, no TGF-β: CXCR3 response 1/2, 0.05 + 0.95·0.5 = 0.525; intratumoural 0.2·0.525 = 0.105.
  t.fill(sp::kChemokine, p.chemokine_half);
  CHECK(sp::extravasation_probability(t.context(0), stromal) == Approx(0.525).epsilon(1e-14));
  CHECK(sp::extravasation_probability(t.context(0), tumoural) == Approx(0.105).epsilon(1e-14));
  // TGF-β at T50 lowers the response to 1/2·(1 − 0.8·1/2) = 0.3: 0.05 + 0.95·0.3 = 0.335.
  t.fill(sp::kTgfb, p.tgfb_half);
  CHECK(sp::extravasation_probability(t.context(0), stromal) == Approx(0.335).epsilon(1e-14));

  // The step's tally holds the mean over vessel voxels: (0.335 + 0.2·0.335)/2.
  sp::StepTally tally;
  sp::recruit_immune_cells(t.context(0), 0, tally);
  CHECK(tally.extravasation == Approx(0.5 * (0.335 + 0.067)).epsilon(1e-14));
  CHECK(tally.steps == 1);
}

TEST_CASE("CD8 arrivals are Poisson and enter with the extravasation probability", "[spatial][recruitment]") {
  sp::SpatialValues p = default_values();
  p.immune_cap_free = 8;  // room for every arrival of a step at the single vessel
  const double per_step = 0.5;  // mean arrivals per lattice step
  const int steps = 4000;
  std::int64_t arrivals = 0, entries = 0;
  for (int k = 0; k < steps; ++k) {
    TinyTissue t({3, 3, 1}, p);
    t.tissue.add_vessel(t.voxel(1, 1), sp::Vessel::kStromal);
    t.fill(sp::kChemokine, p.chemokine_half);        // extravasation 0.525 (previous test)
    t.signals.cd8_arrivals = per_step / kDt;         // [cells/day]
    sp::StepTally tally;
    sp::recruit_immune_cells(t.context(static_cast<std::uint64_t>(k)), 0, tally);
    arrivals += tally.cd8_arrivals;
    entries += tally.cd8_entries;
    REQUIRE(count_kind(t.tissue, sp::CellKind::kCd8) == tally.cd8_entries);
    REQUIRE(t.tissue.occupancy.mobile(t.voxel(1, 1), sp::kCd8Class) == tally.cd8_entries);
    for (std::size_t i = 0; i < t.tissue.agents.size(); ++i) {  // effectors with resting PD-1
      CHECK(t.tissue.state(i) == sp::kEffector);
      CHECK(t.tissue.agents.real(t.tissue.col.pd1, i) == 1.0);
    }
  }
  // Arrivals over the steps: Poisson of mean steps·per_step = 2000; entries: Poisson thinned by
  // the extravasation probability, mean 2000·0.525 = 1050.
  const double mean_arrivals = steps * per_step, mean_entries = mean_arrivals * 0.525;
  INFO("arrivals " << arrivals << ", entries " << entries);
  CHECK(std::abs(static_cast<double>(arrivals) - mean_arrivals) <= poisson_band(mean_arrivals));
  CHECK(std::abs(static_cast<double>(entries) - mean_entries) <= poisson_band(mean_entries));
}

TEST_CASE("Tregs, MDSCs and macrophages are recruited per viable tumour cell", "[spatial][recruitment]") {
  sp::SpatialValues p = default_values();
  p.immune_cap_free = 8;
  const std::size_t tumour_cells = 1000;  // the count passed in; the lattice need not hold them
  // Entry per step: rate·cells·Δt = rate·1000/240. Tregs are CXCR3-gated (extravasation 0.525 at
  // C = C50); MDSCs and macrophages always cross.
  p.treg_entry = 0.06;        // 0.25 arrivals per step
  p.mdsc_entry = 0.048;       // 0.2 per step
  p.macrophage_entry = 0.072; // 0.3 per step
  const int steps = 4000;
  int tregs = 0, mdscs = 0, macrophages = 0;
  for (int k = 0; k < steps; ++k) {
    TinyTissue t({3, 3, 1}, p);
    t.tissue.add_vessel(t.voxel(1, 1), sp::Vessel::kStromal);
    t.fill(sp::kChemokine, p.chemokine_half);
    sp::StepTally tally;
    sp::recruit_immune_cells(t.context(static_cast<std::uint64_t>(k)), tumour_cells, tally);
    tregs += count_kind(t.tissue, sp::CellKind::kTreg);
    mdscs += count_kind(t.tissue, sp::CellKind::kMdsc);
    macrophages += count_kind(t.tissue, sp::CellKind::kMacrophage);
    for (std::size_t i = 0; i < t.tissue.agents.size(); ++i)
      if (t.tissue.kind(i) == sp::CellKind::kMacrophage) CHECK(t.tissue.state(i) == sp::kM2);  // enter as M2
    CHECK(tally.cd8_arrivals == 0);
  }
  const double treg_mean = steps * 0.25 * 0.525, mdsc_mean = steps * 0.2, macrophage_mean = steps * 0.3;
  CHECK(std::abs(tregs - treg_mean) <= poisson_band(treg_mean));
  CHECK(std::abs(mdscs - mdsc_mean) <= poisson_band(mdsc_mean));
  CHECK(std::abs(macrophages - macrophage_mean) <= poisson_band(macrophage_mean));
}

TEST_CASE("an arrival at a full vessel voxel does not enter", "[spatial][recruitment]") {
  sp::SpatialValues p = default_values();
  p.extravasation_floor = 1.0;  // every arrival crosses
  TinyTissue t({3, 3, 1}, p);
  const std::size_t v = t.voxel(1, 1);
  t.tissue.add_vessel(v, sp::Vessel::kStromal);
  t.add_immune(sp::CellKind::kMdsc, v);
  t.add_immune(sp::CellKind::kMdsc, v);  // immune_cap_free = 2 reached
  t.signals.cd8_arrivals = 5.0 / kDt;
  sp::StepTally tally;
  for (std::uint64_t k = 0; k < 20; ++k) sp::recruit_immune_cells(t.context(k), 0, tally);
  CHECK(tally.cd8_arrivals > 50);  // Poisson mean 100: more than 50 with probability 1 − 1e-7
  CHECK(tally.cd8_entries == 0);
  CHECK(t.tissue.agents.size() == 2);
}

TEST_CASE("no vessel, no recruitment", "[spatial][recruitment]") {
  TinyTissue t({3, 3, 1});
  t.signals.cd8_arrivals = 1e3;
  sp::StepTally tally;
  sp::recruit_immune_cells(t.context(0), 1000, tally);
  CHECK(t.tissue.agents.size() == 0);
  CHECK(tally.steps == 0);
  CHECK(tally.cd8_arrivals == 0);
}

TEST_CASE("arrivals are spread uniformly over the vessel voxels", "[spatial][recruitment]") {
  sp::SpatialValues p = default_values();
  p.extravasation_floor = 1.0;  // every arrival crosses
  p.immune_cap_free = 8;
  const int steps = 4000;
  int at_first = 0, total = 0;
  for (int k = 0; k < steps; ++k) {
    TinyTissue t({5, 5, 1}, p);
    t.tissue.add_vessel(t.voxel(0, 0), sp::Vessel::kStromal);
    t.tissue.add_vessel(t.voxel(4, 4), sp::Vessel::kIntratumoural);
    t.signals.cd8_arrivals = 0.5 / kDt;
    sp::StepTally tally;
    sp::recruit_immune_cells(t.context(static_cast<std::uint64_t>(k)), 0, tally);
    for (std::size_t i = 0; i < t.tissue.agents.size(); ++i) at_first += t.tissue.agents.voxel(i) == t.voxel(0, 0) ? 1 : 0;
    total += static_cast<int>(t.tissue.agents.size());
  }
  // Each arrival picks one of the two vessel voxels with probability 1/2 (tumour_vessel_extravasation
  // is 1 by default, so both sites let everyone in).
  REQUIRE(total > 1000);
  CHECK(std::abs(at_first - total * 0.5) <= binomial_band(total, 0.5));
}

// myeloid_rules: Treg loss with CTLA-4 depletion, MDSC death and unbiased crawling, macrophage
// repolarisation M2 -> M1 by IFN-γ and M1 -> M2 by TGF-β, and M1 killing of an adjacent tumour
// cell only — each against 1 − exp(−rate·Δt) on hand-built tissues of 3 x 3 or 5 x 3 voxels.
#include <catch2/catch.hpp>

#include <cmath>

#include "models/nsclc_spatial/myeloid_rules.hpp"
#include "tests/models/nsclc_spatial/tiny_tissue.hpp"

namespace {

using namespace spatial_rules_test;

/// Values without death and movement of myeloid cells and Tregs.
sp::SpatialValues still_values() {
  sp::SpatialValues p = default_values();
  p.treg_death = 0.0;
  p.treg_ctla4_depletion = 0.0;
  p.mdsc_death = 0.0;
  p.macrophage_death = 0.0;
  p.myeloid_speed = 0.0;
  return p;
}

}  // namespace

TEST_CASE("Treg loss is treg_death_rate plus CTLA-4 depletion times occupancy", "[spatial][myeloid_rules]") {
  sp::SpatialValues p = still_values();
  p.treg_death = 12.0;
  p.treg_ctla4_depletion = 24.0;
  const int n = 4000;
  int lost = 0, lost_blocked = 0;
  for (int k = 0; k < n; ++k) {
    for (const double ro : {0.0, 0.5}) {
      TinyTissue t({3, 3, 1}, p);
      t.signals.ro_ctla4 = ro;
      const std::size_t v = t.voxel(1, 1);
      const std::size_t i = t.add_immune(sp::CellKind::kTreg, v);
      sp::update_treg(t.context(static_cast<std::uint64_t>(k)), i);
      if (!t.tissue.agents.alive(i)) {
        (ro == 0.0 ? lost : lost_blocked) += 1;
        CHECK(t.tissue.occupancy.mobile(v) == 0);
      }
    }
  }
  // Hazard 12/day without CTLA-4 blockade, 12 + 24·0.5 = 24/day at half occupancy.
  const double base = step_chance(12.0), blocked = step_chance(24.0);
  CHECK(std::abs(lost - n * base) <= binomial_band(n, base));
  CHECK(std::abs(lost_blocked - n * blocked) <= binomial_band(n, blocked));
}

TEST_CASE("MDSCs die at mdsc_death_rate and crawl at myeloid_speed without chemotactic bias", "[spatial][myeloid_rules]") {
  sp::SpatialValues p = default_values();
  p.mdsc_death = 24.0;
  const int n = 6000;
  int died = 0, moved = 0, up_gradient = 0;
  for (int k = 0; k < n; ++k) {
    TinyTissue t({3, 3, 1}, p);
    // A steep CXCL9/10 gradient along x, which would pull a lymphocyte to x = 2.
    for (int y = 0; y < 3; ++y) t.set(sp::kChemokine, t.voxel(2, y), 100.0 * p.chemokine_half);
    const std::size_t i = t.add_immune(sp::CellKind::kMdsc, t.voxel(1, 1));
    sp::update_mdsc(t.context(static_cast<std::uint64_t>(k)), i);
    if (!t.tissue.agents.alive(i)) {
      ++died;
      continue;
    }
    if (t.tissue.agents.voxel(i) == t.voxel(1, 1)) continue;
    ++moved;
    if (t.tissue.lattice().coord(t.tissue.agents.voxel(i))[0] == 2) ++up_gradient;
  }
  const double death = step_chance(24.0);
  CHECK(std::abs(died - n * death) <= binomial_band(n, death));
  // Survivors step with myeloid_speed·Δt/h = 2 um/min·6 min/20 um = 0.6.
  const double survivors = n - died;
  CHECK(std::abs(moved - survivors * 0.6) <= binomial_band(survivors, 0.6));
  // Unbiased: 3 of the 8 neighbours lie in column x = 2.
  CHECK(std::abs(up_gradient - moved * 0.375) <= binomial_band(moved, 0.375));
}

TEST_CASE("macrophages repolarise M2 to M1 with IFN-gamma and M1 to M2 with TGF-beta", "[spatial][myeloid_rules]") {
  sp::SpatialValues p = still_values();
  p.m1_polarisation = 48.0;
  p.m2_polarisation = 48.0;
  const int n = 4000;
  int to_m1 = 0, to_m2 = 0, without_signal = 0;
  for (int k = 0; k < n; ++k) {
    for (int variant = 0; variant < 3; ++variant) {
      TinyTissue t({3, 3, 1}, p);
      const std::size_t v = t.voxel(1, 1);
      const bool starts_m1 = variant == 1;
      if (variant == 0) t.fill(sp::kIfng, p.ifng_half);  // I/(I + I50) = 1/2
      if (variant == 1) t.fill(sp::kTgfb, p.tgfb_half);  // H_TGF = 1/2
      // variant 2: an M2 macrophage with TGF-β but no IFN-γ.
      if (variant == 2) t.fill(sp::kTgfb, 100.0 * p.tgfb_half);
      const std::size_t i = t.add_immune(sp::CellKind::kMacrophage, v, starts_m1 ? sp::kM1 : sp::kM2);
      sp::BlockScratch out;
      sp::update_macrophage(t.context(static_cast<std::uint64_t>(k)), i, out);
      const bool switched = t.tissue.state(i) != (starts_m1 ? sp::kM1 : sp::kM2);
      if (switched) {
        // The occupancy class moves with the state.
        CHECK(t.tissue.occupancy.mobile(v, starts_m1 ? sp::kM2Class : sp::kM1Class) == 1);
        CHECK(t.tissue.occupancy.mobile(v, starts_m1 ? sp::kM1Class : sp::kM2Class) == 0);
      }
      (variant == 0 ? to_m1 : variant == 1 ? to_m2 : without_signal) += switched ? 1 : 0;
    }
  }
  // M2 -> M1 at m1_polarisation_rate·I/(I + I50) = 48·1/2; M1 -> M2 at m2_polarisation_rate·H_TGF = 48·1/2.
  const double expected = step_chance(24.0);
  CHECK(std::abs(to_m1 - n * expected) <= binomial_band(n, expected));
  CHECK(std::abs(to_m2 - n * expected) <= binomial_band(n, expected));
  CHECK(without_signal == 0);  // TGF-β does not turn M2 into M1
}

TEST_CASE("an M1 macrophage kills an adjacent tumour cell at m1_kill_rate, none further away", "[spatial][myeloid_rules]") {
  sp::SpatialValues p = still_values();
  p.m1_kill = 24.0;
  const int n = 4000;
  int adjacent = 0, distant = 0, as_m2 = 0;
  for (int k = 0; k < n; ++k) {
    for (int variant = 0; variant < 3; ++variant) {
      TinyTissue t({5, 3, 1}, p);
      const std::size_t tumour = t.add_tumour(t.voxel(0, 1));
      // variants: M1 beside the tumour cell, M1 two voxels away, M2 beside it.
      const std::size_t at = variant == 1 ? t.voxel(2, 1) : t.voxel(1, 1);
      const std::size_t i = t.add_immune(sp::CellKind::kMacrophage, at, variant == 2 ? sp::kM2 : sp::kM1);
      sp::BlockScratch out;
      sp::update_macrophage(t.context(static_cast<std::uint64_t>(k)), i, out);
      const bool killed = t.tissue.state(tumour) == sp::kDeadOther;
      if (killed) CHECK(out.tally.m1_kills == 1);
      (variant == 0 ? adjacent : variant == 1 ? distant : as_m2) += killed ? 1 : 0;
    }
  }
  const double expected = step_chance(24.0);
  CHECK(std::abs(adjacent - n * expected) <= binomial_band(n, expected));
  CHECK(distant == 0);
  CHECK(as_m2 == 0);
}

TEST_CASE("macrophages die at macrophage_death_rate", "[spatial][myeloid_rules]") {
  sp::SpatialValues p = still_values();
  p.macrophage_death = 24.0;
  const int n = 4000;
  int died = 0;
  for (int k = 0; k < n; ++k) {
    TinyTissue t({3, 3, 1}, p);
    const std::size_t i = t.add_immune(sp::CellKind::kMacrophage, t.voxel(1, 1), sp::kM2);
    sp::BlockScratch out;
    sp::update_macrophage(t.context(static_cast<std::uint64_t>(k)), i, out);
    if (!t.tissue.agents.alive(i)) {
      ++died;
      CHECK(t.tissue.occupancy.mobile(t.voxel(1, 1)) == 0);
    }
  }
  const double expected = step_chance(24.0);
  CHECK(std::abs(died - n * expected) <= binomial_band(n, expected));
}

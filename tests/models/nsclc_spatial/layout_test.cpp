// layout: zones by distance from the lattice centre, vessel and fibroblast fractions per zone within
// binomial bounds, a tumour cell in every other nest voxel with its clone, dead share, MHC-I and
// log-normal PD-L1 of mean tumour_pdl1_base, immune seeding in proportion to the bed, determinism,
// and the errors for an empty nest or a lattice without vessels.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/core/errors.hpp"
#include "models/nsclc_spatial/layout.hpp"
#include "tests/models/nsclc_spatial/tiny_tissue.hpp"

namespace {

using namespace spatial_rules_test;

/// Layout fractions large enough for the binomial checks to have power.
sp::SpatialValues layout_values() {
  sp::SpatialValues p = default_values();
  p.nest_radius = 300.0;  // 15 voxels
  p.rim_width = 100.0;    // 5 voxels
  p.tumour_vessel_fraction = 0.05;
  p.stroma_vessel_fraction = 0.1;
  p.rim_fibroblast_fraction = 0.5;
  p.stroma_fibroblast_fraction = 0.2;
  return p;
}

/// Distance of voxel v's centre from the lattice centre [um], computed independently.
double radius(const abm::Lattice& l, std::size_t v) {
  const abm::Coord c = l.coord(v);
  const double dx = (c[0] + 0.5) * l.voxel_um() - 0.5 * l.size()[0] * l.voxel_um();
  const double dy = (c[1] + 0.5) * l.voxel_um() - 0.5 * l.size()[1] * l.voxel_um();
  return std::hypot(dx, dy);
}

}  // namespace

TEST_CASE("layout places the nest, the rim, vessels and fibroblasts at their fractions", "[spatial][layout]") {
  const sp::SpatialValues p = layout_values();
  TinyTissue t({50, 50, 1}, p);  // 1 mm: nest, rim and stroma beyond
  sp::BedComposition bed;
  bed.escape_fraction = 0.2;
  bed.dead_fraction = 0.1;
  sp::lay_out_tissue(t.tissue, p, t.key, bed);
  const sp::Tissue& tissue = t.tissue;
  std::size_t nest = 0, rim = 0, stroma = 0, nest_vessels = 0, other_vessels = 0, rim_fib = 0, stroma_fib = 0;
  std::size_t tumour_cells = 0, dead = 0, escape = 0;
  double pdl1_sum = 0.0;
  for (std::size_t v = 0; v < t.lattice.voxel_count(); ++v) {
    const double r = radius(t.lattice, v);
    // Zones: nest within nest_radius of the centre, rim within nest_radius + rim_width, stroma beyond.
    const sp::Zone zone = r <= 300.0 ? sp::Zone::kNest : r <= 400.0 ? sp::Zone::kRim : sp::Zone::kStroma;
    REQUIRE(tissue.zone[v] == zone);
    const std::int32_t e = tissue.occupancy.exclusive(v);
    if (tissue.vessel[v] != sp::Vessel::kNone) {
      CHECK(e == abm::Occupancy::kBlocked);
      CHECK(tissue.vessel[v] == (zone == sp::Zone::kNest ? sp::Vessel::kIntratumoural : sp::Vessel::kStromal));
      (zone == sp::Zone::kNest ? nest_vessels : other_vessels) += 1;
    }
    (zone == sp::Zone::kNest ? nest : zone == sp::Zone::kRim ? rim : stroma) += 1;
    if (tissue.vessel[v] != sp::Vessel::kNone) continue;
    if (zone == sp::Zone::kNest) {
      // Every nest voxel that is not a vessel holds one tumour cell.
      REQUIRE(e >= 0);
      const auto i = static_cast<std::size_t>(e);
      REQUIRE(tissue.kind(i) == sp::CellKind::kTumour);
      CHECK(tissue.agents.voxel(i) == v);
      ++tumour_cells;
      dead += tissue.state(i) == sp::kDeadOther ? 1 : 0;
      const int clone = tissue.agents.integer(tissue.col.clone, i);
      escape += static_cast<std::size_t>(clone);
      // MHC-I at no IFN-γ signalling: clone level/(1 + g) = 1/3 or 0.05/3.
      CHECK(tissue.agents.real(tissue.col.mhc, i) == Approx((clone == 0 ? 1.0 : 0.05) / 3.0).epsilon(1e-14));
      CHECK(tissue.agents.real(tissue.col.pdl1, i) == tissue.agents.real(tissue.col.pdl1_base, i));
      pdl1_sum += tissue.agents.real(tissue.col.pdl1_base, i);
    } else if (e >= 0) {
      REQUIRE(tissue.kind(static_cast<std::size_t>(e)) == sp::CellKind::kFibroblast);
      (zone == sp::Zone::kRim ? rim_fib : stroma_fib) += 1;
    } else {
      CHECK(e == abm::Occupancy::kEmpty);
    }
  }
  // π·15² ≈ 707 nest voxels; the count is exact for the lattice, so only a sanity bound here.
  CHECK(nest > 650);
  CHECK(nest < 760);
  CHECK(rim > 0);
  CHECK(stroma > 0);
  CHECK(tissue.vessel_voxels.size() == nest_vessels + other_vessels);
  const auto check_binomial = [](std::size_t k, std::size_t n, double f) {
    INFO(k << " of " << n << " at fraction " << f);
    CHECK(std::abs(static_cast<double>(k) - static_cast<double>(n) * f) <= binomial_band(static_cast<double>(n), f));
  };
  // Vessels: Bernoulli(tumour_vessel_fraction) per nest voxel, Bernoulli(stroma_vessel_fraction) elsewhere.
  check_binomial(nest_vessels, nest, 0.05);
  check_binomial(other_vessels, rim + stroma, 0.1);
  // Fibroblasts among the non-vessel voxels of rim and stroma.
  std::size_t rim_open = 0, stroma_open = 0;
  for (std::size_t v = 0; v < t.lattice.voxel_count(); ++v) {
    if (tissue.vessel[v] != sp::Vessel::kNone) continue;
    if (tissue.zone[v] == sp::Zone::kRim) ++rim_open;
    if (tissue.zone[v] == sp::Zone::kStroma) ++stroma_open;
  }
  check_binomial(rim_fib, rim_open, 0.5);
  check_binomial(stroma_fib, stroma_open, 0.2);
  // Tumour cells: dead with the bed's dead share, escape clone with its escape share.
  check_binomial(dead, tumour_cells, 0.1);
  check_binomial(escape, tumour_cells, 0.2);
  // Constitutive PD-L1 = base·exp(σz − σ²/2): mean tumour_pdl1_base = 1, variance e^{σ²} − 1 (σ = 0.5).
  const double sd = std::sqrt(std::expm1(0.25) / static_cast<double>(tumour_cells));
  CHECK(std::abs(pdl1_sum / static_cast<double>(tumour_cells) - 1.0) <= kSigmas * sd);
}

TEST_CASE("immune cells are seeded in proportion to the viable tumour cells", "[spatial][layout]") {
  const sp::SpatialValues p = layout_values();
  TinyTissue t({50, 50, 1}, p);
  sp::BedComposition bed;
  bed.dead_fraction = 0.1;
  bed.effector = 0.03;
  bed.exhausted = 0.01;
  bed.treg = 0.005;
  bed.mdsc = 0.007;
  bed.m1 = 0.002;
  bed.m2 = 0.02;
  sp::lay_out_tissue(t.tissue, p, t.key, bed);
  sp::seed_immune_cells(t.tissue, p, t.key, bed);
  const sp::Tissue& tissue = t.tissue;
  std::size_t viable = 0, effector = 0, exhausted = 0, treg = 0, mdsc = 0, m1 = 0, m2 = 0;
  for (std::size_t i = 0; i < tissue.agents.size(); ++i) {
    const std::size_t v = tissue.agents.voxel(i);
    switch (tissue.kind(i)) {
      case sp::CellKind::kTumour: viable += tissue.viable_tumour(i) ? 1 : 0; break;
      case sp::CellKind::kCd8:
        if (tissue.state(i) == sp::kEffector) {
          ++effector;
          CHECK(tissue.vessel[v] != sp::Vessel::kNone);  // just arrived: at a vessel
          CHECK(tissue.agents.real(tissue.col.pd1, i) == 1.0);
        } else {
          ++exhausted;
          CHECK(tissue.zone[v] == sp::Zone::kNest);
          CHECK(tissue.agents.real(tissue.col.pd1, i) == p.pd1_max);
        }
        break;
      case sp::CellKind::kTreg: ++treg; CHECK(tissue.zone[v] != sp::Zone::kStroma); break;
      case sp::CellKind::kMdsc: ++mdsc; CHECK(tissue.zone[v] != sp::Zone::kStroma); break;
      case sp::CellKind::kMacrophage:
        (tissue.state(i) == sp::kM1 ? m1 : m2) += 1;
        CHECK(tissue.zone[v] != sp::Zone::kStroma);
        break;
      case sp::CellKind::kFibroblast: break;
    }
  }
  // Stochastic rounding of bed·viable: floor or ceiling (room is ample: ~700 nest voxels, ~150 vessels).
  const auto rounds = [&](std::size_t count, double per_cell) {
    const double x = per_cell * static_cast<double>(viable);
    INFO(count << " seeded for " << x);
    CHECK((count == static_cast<std::size_t>(std::floor(x)) || count == static_cast<std::size_t>(std::ceil(x))));
  };
  rounds(effector, bed.effector);
  rounds(exhausted, bed.exhausted);
  rounds(treg, bed.treg);
  rounds(mdsc, bed.mdsc);
  rounds(m1, bed.m1);
  rounds(m2, bed.m2);
  // Occupancy counts agree with the agents: no voxel beyond its cap.
  for (std::size_t v = 0; v < t.lattice.voxel_count(); ++v)
    CHECK(tissue.occupancy.mobile(v) <= tissue.immune_capacity(v, 2, 1));
}

TEST_CASE("the layout is a function of the seed", "[spatial][layout]") {
  const sp::SpatialValues p = layout_values();
  const sp::BedComposition bed{0.2, 0.1, 0.03, 0.01, 0.005, 0.007, 0.002, 0.02};
  TinyTissue a({30, 30, 1}, p), b({30, 30, 1}, p), c({30, 30, 1}, p);
  c.key.seed = a.key.seed + 1;
  for (TinyTissue* t : {&a, &b, &c}) {
    sp::lay_out_tissue(t->tissue, p, t->key, bed);
    sp::seed_immune_cells(t->tissue, p, t->key, bed);
  }
  const auto image = [](const TinyTissue& t) {
    std::vector<double> x;
    for (std::size_t i = 0; i < t.tissue.agents.size(); ++i)
      x.insert(x.end(), {double(t.tissue.agents.kind(i)), double(t.tissue.agents.voxel(i)),
                         t.tissue.agents.real(t.tissue.col.pdl1_base, i), double(t.tissue.state(i))});
    for (const std::uint32_t v : t.tissue.vessel_voxels) x.push_back(v);
    return x;
  };
  CHECK(image(a) == image(b));
  CHECK(image(a) != image(c));
}

TEST_CASE("a layout without nest voxel or without vessel is refused", "[spatial][layout]") {
  sp::SpatialValues p = layout_values();
  {
    // On a 10 x 10 lattice the voxel centres nearest the centre lie 14.1 um from it: a 10-um nest is empty.
    p.nest_radius = 10.0;
    TinyTissue t({10, 10, 1}, p);
    CHECK_THROWS_WITH(sp::lay_out_tissue(t.tissue, p, t.key, {}), Catch::Contains("nest holds no voxel"));
  }
  {
    p = layout_values();
    p.tumour_vessel_fraction = 0.0;
    p.stroma_vessel_fraction = 0.0;
    TinyTissue t({30, 30, 1}, p);
    CHECK_THROWS_AS(sp::lay_out_tissue(t.tissue, p, t.key, {}), icbsim::Error);
    TinyTissue u({30, 30, 1}, p);
    CHECK_THROWS_WITH(sp::lay_out_tissue(u.tissue, p, u.key, {}), Catch::Contains("holds no vessel"));
  }
}

TEST_CASE("in 3-D the zones are spherical shells around the lattice centre", "[spatial][layout]") {
  sp::SpatialValues p = layout_values();
  p.nest_radius = 100.0;
  p.rim_width = 60.0;
  TinyTissue t({16, 16, 16}, p);
  sp::lay_out_tissue(t.tissue, p, t.key, {});
  std::size_t nest = 0;
  for (std::size_t v = 0; v < t.lattice.voxel_count(); ++v) {
    const abm::Coord c = t.lattice.coord(v);
    double r2 = 0.0;
    for (std::size_t d = 0; d < 3; ++d) {
      const double x = (c[d] + 0.5) * kVoxelUm - 8.0 * kVoxelUm;  // centre of a 16-voxel axis at 160 um
      r2 += x * x;
    }
    const double r = std::sqrt(r2);
    const sp::Zone zone = r <= 100.0 ? sp::Zone::kNest : r <= 160.0 ? sp::Zone::kRim : sp::Zone::kStroma;
    REQUIRE(t.tissue.zone[v] == zone);
    nest += zone == sp::Zone::kNest ? 1 : 0;
  }
  // A 100-um ball holds about 4/3·π·5³ ≈ 524 voxels of 20 um.
  CHECK(nest > 450);
  CHECK(nest < 600);
}

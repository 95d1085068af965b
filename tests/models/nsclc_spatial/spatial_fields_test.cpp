// spatial_fields: the four fields' names, units, constants (per day) and boundaries; the assembly of
// secretion and uptake putting each living agent's source into its voxel at secretion / voxel volume
// in litres, and vessel supply; which field each solver step advances.
#include <catch2/catch.hpp>

#include <cmath>

#include "models/nsclc_spatial/spatial_fields.hpp"
#include "tests/models/nsclc_spatial/tiny_tissue.hpp"

namespace {

using namespace spatial_rules_test;

/// Voxel volume in litres: (20 um)³ = 8000 um³ = 8e-12 L (1 L = 1e15 um³).
constexpr double kVoxelLitres = 8e-12;

}  // namespace

TEST_CASE("the four fields carry their names, units, constants and boundaries", "[spatial][spatial_fields]") {
  TinyTissue t({4, 3, 2});
  const sp::SpatialValues& p = t.p;
  struct Expected {
    sp::FieldId id;
    const char* name;
    const char* unit;
    double diffusion, decay, outside;
  };
  // Declared values (docs "Fields"), um²/min and 1/min converted ×1440 to per day.
  const Expected fields[] = {{sp::kOxygen, "oxygen", "uM", 1e5 * 1440.0, 0.1 * 1440.0, 50.9},
                             {sp::kIfng, "ifng", "nM", 1000.0 * 1440.0, 7.68, 0.0},
                             {sp::kTgfb, "tgfb", "nM", 1000.0 * 1440.0, 14.3, 0.0},
                             {sp::kChemokine, "cxcl9_10", "nM", 1000.0 * 1440.0, 4.0, 0.0}};
  for (const Expected& e : fields) {
    const abm::Field& f = t.fields[e.id];
    INFO(e.name);
    CHECK(f.spec().name == e.name);
    CHECK(f.spec().unit == e.unit);
    CHECK(f.spec().diffusion == Approx(e.diffusion).epsilon(1e-14));
    CHECK(f.spec().decay == Approx(e.decay).epsilon(1e-14));
    // Every face opens onto more tissue: Dirichlet at the far-field value (O2 supply, no cytokine).
    for (const auto b : f.spec().boundary) CHECK(b == abm::Boundary::kDirichlet);
    CHECK(f.spec().boundary_value == e.outside);
    CHECK(f.values().size() == 24);
    for (const double v : f.values()) CHECK(v == e.outside);  // starts at the far-field value
  }
  CHECK(p.o2_supply == 50.9);
}

TEST_CASE("secretion and uptake assembly puts each agent's source into its voxel per litre", "[spatial][spatial_fields]") {
  sp::SpatialValues p = default_values();
  p.vessel_chemokine = 5e-13;  // off by default; switched on to see it assembled
  TinyTissue t({4, 4, 1}, p);
  auto& a = t.tissue.agents;
  const auto& col = t.tissue.col;
  const std::size_t tumour_v = t.voxel(0, 0), dead_v = t.voxel(1, 0), cd8_v = t.voxel(2, 0), treg_v = t.voxel(3, 0),
                    macro_v = t.voxel(0, 1), fib_v = t.voxel(1, 1), mdsc_v = t.voxel(2, 1), vessel_v = t.voxel(3, 3);
  const std::size_t tumour = t.add_tumour(tumour_v);
  a.real(col.signal, tumour) = 0.4;
  const std::size_t dead = t.add_tumour(dead_v);
  a.integer(col.state, dead) = sp::kKilledByImmune;
  const std::size_t cd8 = t.add_immune(sp::CellKind::kCd8, cd8_v);
  a.real(col.secretion, cd8) = 0.3;
  const std::size_t cd8b = t.add_immune(sp::CellKind::kCd8, cd8_v);  // two in one voxel: sources add
  a.real(col.secretion, cd8b) = 0.5;
  const std::size_t gone = t.add_immune(sp::CellKind::kCd8, cd8_v);
  a.real(col.secretion, gone) = 10.0;
  a.kill(gone);  // not alive: no source
  t.add_immune(sp::CellKind::kTreg, treg_v);
  t.add_immune(sp::CellKind::kMacrophage, macro_v, sp::kM2);
  t.add_immune(sp::CellKind::kMacrophage, macro_v, sp::kM1);
  t.add_fibroblast(fib_v);
  t.add_immune(sp::CellKind::kMdsc, mdsc_v);
  t.tissue.add_vessel(vessel_v, sp::Vessel::kStromal);

  // Stale sources of an earlier step are cleared first.
  t.fields[sp::kIfng].source()[t.voxel(3, 2)] = 123.0;
  t.fields.assemble_sources(t.tissue, t.p);

  const auto& o2 = t.fields[sp::kOxygen];
  const auto& ifng = t.fields[sp::kIfng].source();
  const auto& tgfb = t.fields[sp::kTgfb].source();
  const auto& chemokine = t.fields[sp::kChemokine].source();
  const double per_litre = 1.0 / kVoxelLitres;
  // Viable tumour cell: O2 uptake o2_tumour_uptake = 3.12/min = 3.12·1440/day; CXCL9/10
  // (basal 5e-13 + IFN-induced 2e-11·s) nmol/day per 8e-12 L, s = 0.4.
  CHECK(o2.sink()[tumour_v] == Approx(3.12 * 1440.0).epsilon(1e-14));
  CHECK(chemokine[tumour_v] == Approx((5e-13 + 2e-11 * 0.4) / 8e-12).epsilon(1e-12));
  // A dead tumour cell neither consumes O2 nor secretes.
  CHECK(o2.sink()[dead_v] == 0.0);
  CHECK(chemokine[dead_v] == 0.0);
  // Engaged effectors: ifng_secretion 1.5e-9 nmol/day × secretion factor, summed: (0.3 + 0.5)·1.5e-9/8e-12.
  CHECK(ifng[cd8_v] == Approx(1.5e-9 * 0.8 * per_litre).epsilon(1e-12));
  // TGF-β: Treg, M2 and fibroblast each 1.2e-10 nmol/day; M1 secretes CXCL9/10 2e-11 instead.
  CHECK(tgfb[treg_v] == Approx(1.2e-10 * per_litre).epsilon(1e-12));
  CHECK(tgfb[macro_v] == Approx(1.2e-10 * per_litre).epsilon(1e-12));
  CHECK(chemokine[macro_v] == Approx(2e-11 * per_litre).epsilon(1e-12));
  CHECK(tgfb[fib_v] == Approx(1.2e-10 * per_litre).epsilon(1e-12));
  // MDSCs secrete none of the four.
  CHECK(tgfb[mdsc_v] == 0.0);
  CHECK(chemokine[mdsc_v] == 0.0);
  CHECK(ifng[mdsc_v] == 0.0);
  // Vessel: O2 relaxes toward o2_supply at o2_vessel_exchange = 10/min (sink k, source k·supply),
  // and presents vessel_chemokine_secretion.
  CHECK(o2.sink()[vessel_v] == Approx(10.0 * 1440.0).epsilon(1e-14));
  CHECK(o2.source()[vessel_v] == Approx(10.0 * 1440.0 * 50.9).epsilon(1e-14));
  CHECK(chemokine[vessel_v] == Approx(5e-13 * per_litre).epsilon(1e-12));
  // Nothing anywhere else: the stale IFN-γ source is gone.
  double ifng_total = 0.0, tgfb_total = 0.0, chemokine_total = 0.0;
  for (std::size_t v = 0; v < t.lattice.voxel_count(); ++v) {
    ifng_total += ifng[v];
    tgfb_total += tgfb[v];
    chemokine_total += chemokine[v];
  }
  CHECK(ifng_total == Approx(ifng[cd8_v]).epsilon(1e-14));
  CHECK(tgfb_total == Approx(3.0 * 1.2e-10 * per_litre).epsilon(1e-12));
  CHECK(chemokine_total == Approx(chemokine[tumour_v] + chemokine[macro_v] + chemokine[vessel_v]).epsilon(1e-12));
}

TEST_CASE("a cytokine step adds dt times the source, decayed implicitly, and leaves oxygen", "[spatial][spatial_fields]") {
  sp::SpatialValues p = default_values();
  p.ifng_diffusion = 1e-9;  // negligible spread: the voxel keeps what it makes (D·Δt/h² ~ 1e-14)
  TinyTissue t({5, 5, 1}, p);
  const std::size_t v = t.voxel(2, 2);
  const std::size_t cd8 = t.add_immune(sp::CellKind::kCd8, v);
  t.tissue.agents.real(t.tissue.col.secretion, cd8) = 1.0;
  t.fields.assemble_sources(t.tissue, t.p);
  const std::vector<double> oxygen_before = t.fields[sp::kOxygen].values();
  t.fields.step_cytokines(kDt);
  // LOD backward Euler (docs "Fields"): u* = (u + Δt·f)/(1 + Δt·κ) from u = 0, f = 1.5e-9/8e-12 nM/day,
  // κ = ifng_decay 7.68/day.
  const double f = 1.5e-9 / kVoxelLitres;
  CHECK(t.fields[sp::kIfng][v] == Approx(kDt * f / (1.0 + kDt * 7.68)).epsilon(1e-9));
  CHECK(t.fields[sp::kIfng][t.voxel(0, 0)] == Approx(0.0).margin(1e-9));
  CHECK(t.fields[sp::kOxygen].values() == oxygen_before);
  for (const double x : t.fields[sp::kTgfb].values()) CHECK(x == 0.0);

  // Oxygen relaxation moves oxygen only.
  const std::vector<double> ifng_before = t.fields[sp::kIfng].values();
  t.add_tumour(t.voxel(1, 1));
  t.fields.assemble_sources(t.tissue, t.p);
  t.fields.relax_oxygen(2);
  CHECK(t.fields[sp::kOxygen][t.voxel(1, 1)] < 50.9);  // the tumour cell consumes
  CHECK(t.fields[sp::kIfng].values() == ifng_before);
}

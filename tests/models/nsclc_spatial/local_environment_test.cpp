// local_environment: the checkpoint factor φ, TGF-β occupancy, CXCR3 response, local suppression F
// counted over a voxel and its Moore neighbours, the step probability, and the crawl step — the
// exp(χ·ΔC/(C + C50)) bias up a CXCL9/10 gradient, fibroblast permeability, CXCR3-gated entry onto
// tumour cells and full voxels — against the docs' formulas on 3 x 3 and 5 x 5 tissues.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <map>

#include "models/nsclc_spatial/local_environment.hpp"
#include "tests/models/nsclc_spatial/tiny_tissue.hpp"

namespace {

using namespace spatial_rules_test;

/// Where an immune cell at the centre of a 3 x 3 tissue lands after one certain step, over `n`
/// trials, counted per destination voxel. `build` prepares each fresh tissue.
template <typename Build>
std::map<std::size_t, int> destinations(int n, const sp::Crawl& crawl, Build&& build) {
  std::map<std::size_t, int> count;
  for (int k = 0; k < n; ++k) {
    TinyTissue t({3, 3, 1});
    build(t);
    const std::size_t i = t.add_immune(sp::CellKind::kCd8, t.voxel(1, 1));
    abm::CounterStream rng(t.key, static_cast<std::uint64_t>(k), 0, 99);
    sp::step_immune_cell(t.context(static_cast<std::uint64_t>(k)), i, crawl, rng);
    const std::size_t v = t.tissue.agents.voxel(i);
    ++count[v];
    CHECK(t.tissue.occupancy.mobile(v, sp::kCd8Class) == 1);  // the count moved with the cell
  }
  return count;
}

}  // namespace

TEST_CASE("checkpoint factor phi follows the QSP-IO Hill form and the alternative checkpoint", "[spatial][local_environment]") {
  sp::SpatialValues p = default_values();
  sp::SystemicSignals s;
  const double k = p.checkpoint_half;  // 4.5, Hill n = 2
  // H_alt = a²/(1 + a²) with a = cd8_alt_checkpoint = 0.2: 0.04/1.04.
  const double free_alt = 1.0 - 0.04 / 1.04;
  // B = (PD-L1 + stromal 0.2)·PD-1; PD-L1 = K − 0.2, PD-1 = 1: B = K, H_PD1 = 1/2.
  CHECK(sp::checkpoint_free(p, s, k - 0.2, 1.0) == Approx(0.5 * free_alt).epsilon(1e-14));
  // PD-1 = 2 doubles B: (B/K)^2 = 4, H_PD1 = 4/5.
  CHECK(sp::checkpoint_free(p, s, k - 0.2, 2.0) == Approx(0.2 * free_alt).epsilon(1e-14));
  // RO_PD1 = 1/2 and RO_PD-L1 = 1/2 quarter B: (1/4)^2 = 1/16, H_PD1 = 1/17.
  s.ro_pd1 = 0.5;
  s.ro_pdl1 = 0.5;
  CHECK(sp::checkpoint_free(p, s, k - 0.2, 1.0) == Approx(16.0 / 17.0 * free_alt).epsilon(1e-14));
  // Full occupancy removes PD-1 inhibition; the alternative checkpoint stays (no drug relieves it).
  s.ro_pd1 = 1.0;
  CHECK(sp::checkpoint_free(p, s, 100.0, 3.0) == Approx(free_alt).epsilon(1e-14));
  p.alt_inhibition = 0.0;
  p.stromal_pdl1 = 0.0;
  s.ro_pd1 = 0.0;
  s.ro_pdl1 = 0.0;
  CHECK(sp::checkpoint_free(p, s, 0.0, 3.0) == 1.0);
}

TEST_CASE("TGF-beta occupancy and CXCR3 response at a voxel", "[spatial][local_environment]") {
  TinyTissue t({3, 3, 1});
  const std::size_t v = t.voxel(1, 1);
  const sp::StepContext c = t.context(0);
  CHECK(sp::tgfb_fraction(c, v) == 0.0);
  CHECK(sp::chemokine_response(c, v) == 0.0);
  t.set(sp::kTgfb, v, 3.0 * t.p.tgfb_half);       // H = 3/4
  t.set(sp::kChemokine, v, t.p.chemokine_half);   // C/(C + C50) = 1/2
  CHECK(sp::tgfb_fraction(c, v) == Approx(0.75).epsilon(1e-14));
  // C/(C + C50)·(1 − tgfb_cxcr3_suppression·H) = 0.5·(1 − 0.8·0.75) = 0.2.
  CHECK(sp::chemokine_response(c, v) == Approx(0.2).epsilon(1e-14));
  t.set(sp::kChemokine, v, -1.0);  // negative values (none expected) read as 0
  CHECK(sp::chemokine_response(c, v) == 0.0);
}

TEST_CASE("local suppression counts Tregs, MDSCs and M2 over the voxel and its neighbours", "[spatial][local_environment]") {
  sp::SpatialValues p = default_values();
  p.hypoxia_suppression = 0.8;  // the hypoxia/adenosine overlay's value
  TinyTissue t({5, 5, 1}, p);
  const std::size_t v = t.voxel(2, 2);
  t.add_immune(sp::CellKind::kTreg, v);
  t.add_immune(sp::CellKind::kMdsc, t.voxel(1, 1));
  t.add_immune(sp::CellKind::kMdsc, t.voxel(3, 2));
  t.add_immune(sp::CellKind::kMacrophage, t.voxel(2, 3), sp::kM2);
  t.add_immune(sp::CellKind::kMacrophage, t.voxel(2, 1), sp::kM1);  // M1: not suppressive
  t.add_immune(sp::CellKind::kTreg, t.voxel(0, 0));                 // two voxels away: not counted
  t.add_immune(sp::CellKind::kMdsc, t.voxel(4, 4));                 // two voxels away: not counted
  t.fill(sp::kTgfb, p.tgfb_half);                                    // H_TGF = 1/2
  t.fill(sp::kOxygen, p.hypoxia_half);                               // K/(K + O2) = 1/2
  // F = 1/(1 + 1·1)·1/(1 + 0.5·2)·1/(1 + 0.5·1)·(1 − 1·0.5)·(1 − 0.8·0.5)
  //   = 1/2 · 1/2 · 2/3 · 1/2 · 0.6 = 0.05.
  CHECK(sp::local_function(t.context(0), v) == Approx(0.05).epsilon(1e-13));
}

TEST_CASE("step probability is speed times dt over the voxel edge, capped at 1", "[spatial][local_environment]") {
  TinyTissue t({3, 3, 1});
  const sp::StepContext c = t.context(0);
  // 2 um/min = 2880 um/day: 2880·(1/240)/20 = 0.6 (myeloid_speed).
  CHECK(sp::step_probability(c, 2880.0) == Approx(0.6).epsilon(1e-14));
  CHECK(sp::step_probability(c, 0.0) == 0.0);
  CHECK(sp::step_probability(c, 7200.0) == 1.0);  // 5 um/min: 1.5, capped
}

TEST_CASE("chemotaxis weights bias steps up a CXCL9/10 gradient", "[spatial][local_environment]") {
  const double c50 = default_values().chemokine_half;  // 0.2 nM
  // Columns x = 0, 1, 2 hold CXCL9/10 at 0, C50 and 3·C50; the cell sits at C_i = C50 in the centre.
  auto gradient = [&](TinyTissue& t) {
    for (int y = 0; y < 3; ++y) {
      t.set(sp::kChemokine, t.voxel(0, y), 0.0);
      t.set(sp::kChemokine, t.voxel(1, y), c50);
      t.set(sp::kChemokine, t.voxel(2, y), 3.0 * c50);
    }
  };
  const int n = 6000;
  const double chi = 1.0;
  const auto count = destinations(n, sp::Crawl{1.0, chi, false}, gradient);
  // Weight exp(χ·(C_j − C_i)/(C_i + C50)): up-gradient (x = 2, 3 voxels) exp(χ·2C50/2C50) = e,
  // level (x = 1, 2 voxels) 1, down-gradient (x = 0, 3 voxels) exp(−χ/2).
  const double up = std::exp(chi), level = 1.0, down = std::exp(-chi / 2.0);
  const double total = 3.0 * up + 2.0 * level + 3.0 * down;
  TinyTissue probe({3, 3, 1});
  std::array<int, 3> by_column{};
  for (const auto& [v, k] : count) by_column[static_cast<std::size_t>(probe.lattice.coord(v)[0])] += k;
  CHECK(count.count(probe.voxel(1, 1)) == 0);  // a certain step always leaves the voxel
  const std::array<double, 3> expected{3.0 * down / total, 2.0 * level / total, 3.0 * up / total};
  for (std::size_t x = 0; x < 3; ++x) {
    INFO("column " << x << ": " << by_column[x] << " of " << n << ", expected share " << expected[x]);
    CHECK(std::abs(by_column[x] - n * expected[x]) <= binomial_band(n, expected[x]));
  }
  CHECK(by_column[2] > by_column[0]);

  // Without chemotaxis (χ = 0) every neighbour is equally likely: 1/8.
  const auto flat = destinations(n, sp::Crawl{1.0, 0.0, false}, gradient);
  CHECK(flat.size() == 8);
  for (const auto& [v, k] : flat) CHECK(std::abs(k - n / 8.0) <= binomial_band(n, 1.0 / 8.0));
}

TEST_CASE("crawling avoids full voxels, is slowed by fibroblasts and CXCR3-gated onto tumour cells", "[spatial][local_environment]") {
  const sp::SpatialValues p = default_values();
  // Uniform CXCL9/10 at C50 (no gradient): CXCR3 response 1/2 everywhere (no TGF-β).
  auto layout = [&](TinyTissue& t) {
    t.fill(sp::kChemokine, p.chemokine_half);
    t.add_fibroblast(t.voxel(2, 1));
    t.add_tumour(t.voxel(0, 1));
    // Full: two immune cells where there is no tissue cell (immune_cap_free = 2), one beside a
    // tumour cell (immune_cap_shared = 1).
    t.add_immune(sp::CellKind::kMdsc, t.voxel(1, 0));
    t.add_immune(sp::CellKind::kMdsc, t.voxel(1, 0));
    t.add_tumour(t.voxel(1, 2));
    t.add_immune(sp::CellKind::kMdsc, t.voxel(1, 2));
  };
  const int n = 6000;
  TinyTissue probe({3, 3, 1});
  // Weights: the four free corners 1, fibroblast voxel fibroblast_permeability = 0.3, tumour voxel
  // (CXCR3-gated) parenchyma_entry_floor + (1 − floor)·0.5 = 0.05 + 0.95·0.5 = 0.525, full voxels none.
  const double gate = p.parenchyma_entry_floor + (1.0 - p.parenchyma_entry_floor) * 0.5;
  for (const bool gated : {true, false}) {
    const auto count = destinations(n, sp::Crawl{1.0, 0.0, gated}, layout);
    const double tumour_weight = gated ? gate : 1.0;
    const double total = 4.0 + p.fibroblast_permeability + tumour_weight;
    CHECK(count.count(probe.voxel(1, 0)) == 0);
    CHECK(count.count(probe.voxel(1, 2)) == 0);
    const auto share = [&](std::size_t v) { return count.count(v) ? count.at(v) : 0; };
    const double fib = p.fibroblast_permeability / total, tum = tumour_weight / total, corner = 1.0 / total;
    INFO("gated " << gated);
    CHECK(std::abs(share(probe.voxel(2, 1)) - n * fib) <= binomial_band(n, fib));
    CHECK(std::abs(share(probe.voxel(0, 1)) - n * tum) <= binomial_band(n, tum));
    CHECK(std::abs(share(probe.voxel(0, 0)) - n * corner) <= binomial_band(n, corner));
  }
}

TEST_CASE("a crawl steps with its move probability and stays put when no neighbour has room", "[spatial][local_environment]") {
  const int n = 4000;
  int moved = 0;
  for (int k = 0; k < n; ++k) {
    TinyTissue t({3, 3, 1});
    const std::size_t i = t.add_immune(sp::CellKind::kMdsc, t.voxel(1, 1));
    abm::CounterStream rng(t.key, static_cast<std::uint64_t>(k), 0, 99);
    sp::step_immune_cell(t.context(0), i, sp::Crawl{0.3, 0.0, false}, rng);
    if (t.tissue.agents.voxel(i) != t.voxel(1, 1)) ++moved;
  }
  CHECK(std::abs(moved - n * 0.3) <= binomial_band(n, 0.3));

  TinyTissue t({3, 3, 1});
  const std::size_t i = t.add_immune(sp::CellKind::kMdsc, t.voxel(1, 1));
  t.lattice.for_each_neighbour(t.voxel(1, 1), [&](std::size_t w) {
    t.add_immune(sp::CellKind::kTreg, w);
    t.add_immune(sp::CellKind::kTreg, w);
  });
  for (std::uint64_t k = 0; k < 200; ++k) {
    abm::CounterStream rng(t.key, k, 0, 99);
    sp::step_immune_cell(t.context(0), i, sp::Crawl{1.0, 0.0, false}, rng);
  }
  CHECK(t.tissue.agents.voxel(i) == t.voxel(1, 1));
  CHECK(t.tissue.occupancy.mobile(t.voxel(1, 1), sp::kMdscClass) == 1);
}

// snapshot_capture: a snapshot of a small lattice holds the living agents only, in store order, with
// their voxel centres, type codes and every declared agent column (docs "Agents"), and the four
// fields with names, units and values voxel by voxel.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "models/nsclc_spatial/snapshot_capture.hpp"
#include "tests/models/nsclc_spatial/tiny_tissue.hpp"
#include "tests/models/nsclc_spatial_harness.hpp"

namespace {

using namespace spatial_rules_test;

void set(std::vector<double>& p, std::string_view name, double value) {
  for (std::size_t i = 0; i < sp::kParameters.size(); ++i)
    if (sp::kParameters[i].name == name) {
      p[i] = value;
      return;
    }
  FAIL("no nsclc_spatial parameter " << name);
}

}  // namespace

TEST_CASE("snapshot capture writes the living agents with the declared columns and the fields", "[spatial][snapshot_capture]") {
  spatial_test::SingleThread one_thread;
  std::vector<double> p = sp::default_parameters();
  set(p, "nest_radius", 80.0);
  set(p, "stroma_vessel_fraction", 0.2);  // vessels on a 12 x 12 lattice for certain
  set(p, "cd8_death_rate", 1e4);          // every CD8 dies in the first step (outside the declared range on purpose)
  sp::BedComposition bed;
  bed.effector = 0.2;
  bed.m2 = 0.1;
  const abm::Lattice lattice({12, 12, 1}, kVoxelUm);
  sp::LatticeModel model(lattice, p, kDt, 3, abm::StreamKey{5, 0}, bed);
  model.step(sp::SystemicSignals{});
  const sp::Tissue& tissue = model.tissue();
  const abm::AgentStore& a = tissue.agents;
  std::vector<std::size_t> living;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a.alive(i)) living.push_back(i);
  REQUIRE(living.size() < a.size());  // the dead CD8 T cells are still in the store until compaction

  const icbsim::SpatialSnapshot s = sp::capture_snapshot(model, 2.5);
  CHECK(s.time == 2.5);
  CHECK(s.voxels == std::array<int, 3>{12, 12, 1});
  CHECK(s.voxel_um == kVoxelUm);
  CHECK(s.type_names == std::vector<std::string>{"tumour", "cd8", "treg", "mdsc", "macrophage", "fibroblast"});
  REQUIRE(s.agents() == living.size());
  REQUIRE(s.positions.size() == 3 * living.size());
  for (std::size_t k = 0; k < living.size(); ++k) {
    const std::size_t i = living[k];
    CHECK(s.types[k] == a.kind(i));
    CHECK(s.types[k] != static_cast<std::uint8_t>(sp::CellKind::kCd8));
    const auto centre = lattice.centre_um(a.voxel(i));
    for (std::size_t d = 0; d < 3; ++d) CHECK(s.positions[3 * k + d] == centre[d]);
  }
  // The agent columns of docs/models/nsclc_spatial.md "Agents", in declaration order.
  const std::vector<std::string> reals{"pdl1", "pdl1_constitutive", "mhc_i", "ifng_signal", "pd1", "exhaustion",
                                       "ifng_secretion_factor"};
  const std::vector<std::string> ints{"state", "clone", "cycling", "kills", "synapses", "engaged"};
  REQUIRE(s.agent_reals.size() == reals.size());
  REQUIRE(s.agent_ints.size() == ints.size());
  for (std::size_t c = 0; c < reals.size(); ++c) {
    CHECK(s.agent_reals[c].name == reals[c]);
    REQUIRE(s.agent_reals[c].values.size() == living.size());
    for (std::size_t k = 0; k < living.size(); ++k)
      CHECK(s.agent_reals[c].values[k] == a.real(icbsim::abm::RealColumn{c}, living[k]));
  }
  for (std::size_t c = 0; c < ints.size(); ++c) {
    CHECK(s.agent_ints[c].name == ints[c]);
    REQUIRE(s.agent_ints[c].values.size() == living.size());
    for (std::size_t k = 0; k < living.size(); ++k)
      CHECK(s.agent_ints[c].values[k] == a.integer(icbsim::abm::IntColumn{c}, living[k]));
  }
  const std::vector<std::pair<std::string, std::string>> fields{
      {"oxygen", "uM"}, {"ifng", "nM"}, {"tgfb", "nM"}, {"cxcl9_10", "nM"}};
  REQUIRE(s.fields.size() == 4);
  for (std::size_t f = 0; f < 4; ++f) {
    CHECK(s.fields[f].name == fields[f].first);
    CHECK(s.fields[f].unit == fields[f].second);
    CHECK(s.fields[f].values == model.fields()[static_cast<sp::FieldId>(f)].values());
  }
  CHECK(s.fields[0].values.size() == 144);
}

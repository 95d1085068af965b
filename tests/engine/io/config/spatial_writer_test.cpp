// spatial_writer: the `spatial:` section written back into the resolved scenario — lattice with two
// or three sizes, voxel, step and coupling with units, block, every lattice parameter with its
// declared unit at round-trip precision, and snapshots only when the scenario has them.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "engine/core/number_text.hpp"
#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/config/scenario_writer.hpp"
#include "models/register_builtin.hpp"
#include "tests/support/builtin_registry.hpp"

namespace {

using icbsim::testing::registry;

/// `v` as the writer formats numbers: the shortest text for which strtod gives `v` back.
std::string number(double v) {
  const std::string text = icbsim::shortest(v);
  REQUIRE(std::strtod(text.c_str(), nullptr) == v);
  return text;
}

/// The text after "spatial:" in the resolved YAML of `s`.
std::string spatial_section(const icbsim::Scenario& s) {
  const std::string yaml = icbsim::resolved_scenario_yaml(s);
  const std::size_t at = yaml.find("\nspatial:");
  REQUIRE(at != std::string::npos);
  return yaml.substr(at);
}

icbsim::Scenario load(const std::string& text) { return icbsim::load_scenario_text(text, "s.yaml", registry()); }

}  // namespace

TEST_CASE("spatial section is written with units, every parameter and the snapshots", "[io][spatial][spatial_writer]") {
  const icbsim::Scenario s = load(
      "model: nsclc_icb\ntime: {end: 20 days}\n"
      "spatial:\n  lattice: [30, 40]\n  voxel: 0.02 mm\n  step: 6 min\n  coupling: 12 h\n  block: 5\n"
      "  parameters: {cd8_speed: 0.12 mm/h, nest_radius: 250 um}\n"
      "  snapshots: {times: [0 day, 14 day], tasks: [0]}\n");
  REQUIRE(s.spatial);
  const icbsim::SpatialSpec& spec = *s.spatial;
  const std::string text = spatial_section(s);
  using Catch::Contains;
  CHECK_THAT(text, Contains("lattice: [30, 40]\n"));  // a section: two sizes, no z
  // Sizes in the engine's units (um, day) at round-trip precision, whatever units the input used.
  CHECK_THAT(text, Contains("voxel: " + number(spec.grid.voxel_um) + " um\n"));
  CHECK_THAT(text, Contains("step: " + number(spec.grid.step_days) + " day\n"));
  CHECK_THAT(text, Contains("coupling: " + number(spec.grid.coupling_days()) + " day\n"));
  CHECK(spec.grid.coupling_days() == Approx(0.5));
  CHECK_THAT(text, Contains("block: 5\n"));
  // Every lattice parameter, defaults filled in, in its declared unit (none for dimensionless ones).
  const icbsim::ModelInfo& lattice_model = registry().get("nsclc_spatial");
  REQUIRE(spec.parameters.size() == lattice_model.parameters.size());
  for (std::size_t i = 0; i < spec.parameters.size(); ++i) {
    const auto& p = lattice_model.parameters[i];
    const std::string unit = p.unit.empty() ? "" : " " + std::string(p.unit);
    CHECK_THAT(text, Contains("\n    " + std::string(p.name) + ": " + number(spec.parameters[i]) + unit + "\n"));
  }
  CHECK_THAT(text, Contains("nest_radius: 250 um\n"));
  CHECK_THAT(text, Contains("tumour_ifng_half: 0.00296 nM\n"));  // the default 0.00296, shortest form
  CHECK_THAT(text, Contains("snapshots:") && Contains("times: [0 day, 14 day]") && Contains("tasks: [0]"));
}

TEST_CASE("a 3-D lattice writes three sizes and no snapshots when none are asked", "[io][spatial][spatial_writer]") {
  const std::string text = spatial_section(load("model: nsclc_icb\ntime: {end: 10 days}\nspatial: {lattice: [20, 20, 20]}\n"));
  CHECK_THAT(text, Catch::Contains("lattice: [20, 20, 20]\n"));
  CHECK_THAT(text, Catch::Contains("voxel: 20 um\n"));       // default 20 um
  CHECK_THAT(text, Catch::Contains("coupling: 0.25 day\n"));  // default: 60 steps of 1/240 day
  CHECK_THAT(text, !Catch::Contains("snapshots"));
}

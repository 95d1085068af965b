// engine/io/config/survival_section: readout.survival read into the TGI-OS model (prognosis and
// covariates resolved to model parameters, the background hazard in 1/day) or the lethal-SLD rule,
// and written back so that the resolved scenario reads the same.
#include <catch2/catch.hpp>

#include "engine/core/errors.hpp"
#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/config/scenario_writer.hpp"
#include "tests/support/builtin_registry.hpp"

using icbsim::testing::registry;

namespace {
const std::string kBase =
    "model: nsclc_icb\ntime: {end: 100 days}\ntumour: {size: tumour_diameter}\nscans: {every: 6 weeks}\n";

icbsim::Scenario load(const std::string& survival) {
  return icbsim::load_scenario_text(kBase + "readout:\n  survival: " + survival + "\n", "s.yaml", registry());
}
}  // namespace

TEST_CASE("readout.survival: the TGI-OS model with its prognosis, covariates and background hazard", "[io][survival]") {
  const icbsim::Scenario s = load(
      "{model: tgi_os, prognosis: prognostic_log_time, background_hazard: 0.0365 1/year,"
      " covariates: [{parameter: antigenicity, per_unit: 0.1}]}");
  REQUIRE(s.readout);
  const auto& os = s.readout->settings.survival;
  REQUIRE(os.has_value());
  REQUIRE(os->prognosis_parameter.has_value());
  CHECK(s.model->parameters[*os->prognosis_parameter].name == "prognostic_log_time");
  CHECK(os->background_per_day == Approx(0.0365 / 365.25));
  REQUIRE(os->covariates.size() == 1);
  CHECK(s.model->parameters[os->covariates[0].parameter].name == "antigenicity");
  CHECK(os->covariates[0].per_unit == 0.1);
  // Written back and read again: the same model.
  const icbsim::Scenario again = icbsim::load_scenario_text(icbsim::resolved_scenario_yaml(s), "r.yaml", registry());
  const auto& os2 = again.readout->settings.survival;
  REQUIRE(os2.has_value());
  CHECK(os2->prognosis_parameter == os->prognosis_parameter);
  CHECK(os2->background_per_day == Approx(os->background_per_day));
  REQUIRE(os2->covariates.size() == 1);
  CHECK(os2->covariates[0].parameter == os->covariates[0].parameter);
  CHECK(os2->covariates[0].per_unit == os->covariates[0].per_unit);
}

TEST_CASE("readout.survival: lethal_sld keeps the death rule, and bad sections are located errors", "[io][survival]") {
  CHECK_FALSE(load("{model: lethal_sld}").readout->settings.survival.has_value());
  CHECK_THROWS_WITH(load("{model: tgi_os, background_hazard: -1 1/day}"),
                    Catch::Contains("background_hazard must lie in [0, 1) 1/day"));
  CHECK_THROWS_WITH(load("{model: tgi_os, covariates: [{parameter: antigenicity}]}"),
                    Catch::Contains("has no effect defined"));
  CHECK_THROWS_WITH(load("{model: tgi_os, prognosis: no_such_parameter}"), Catch::Contains("no_such_parameter"));
}

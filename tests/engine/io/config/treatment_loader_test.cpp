// treatment_loader: patient covariates with units and names, named regimens, alternative PK models
// and the stopping rule.
#include <catch2/catch.hpp>

#include "engine/io/config/scenario_loader.hpp"
#include "models/register_builtin.hpp"
#include "tests/support/builtin_registry.hpp"

namespace {
using icbsim::testing::registry;
}  // namespace

TEST_CASE("patient covariates convert units and parse names", "[io][treatment]") {
  const auto s = icbsim::load_scenario_text(
      "model: pk_compartmental\npatient: {weight: 82000 g, height: 1.8 m, sex: female, race: asian, ecog: 1, "
      "albumin: 3.5 g/dL, first_line: false}\ntime: {end: 10 days}\n",
      "p.yaml", registry());
  CHECK(*s.patient.weight == Approx(82.0));
  CHECK(*s.patient.height == Approx(180.0));
  CHECK(*s.patient.albumin == Approx(35.0));
  CHECK(s.patient.sex == icbsim::pk::Sex::kFemale);
  CHECK(s.patient.race == icbsim::pk::Race::kAsian);
  CHECK(s.patient.ecog == 1);
  CHECK_FALSE(s.patient.first_line);
  CHECK_FALSE(s.treatment);
}

TEST_CASE("a drug takes its standard regimen, a named one, or an alternative PK model", "[io][treatment]") {
  const auto s = icbsim::load_scenario_text(
      "model: nsclc_icb\npatient: {weight: 70 kg}\ntime: {end: 100 days}\ntumour: {size: tumour_diameter}\n"
      "scans: {every: 6 weeks}\n"
      "treatment:\n  drugs:\n    - {drug: nivolumab, regimen: 480mg_q4w}\n"
      "    - {drug: atezolizumab, pk_model: FDA review 2016}\n    - {drug: ipilimumab}\n"
      "  stop: confirmed_progression\n",
      "t.yaml", registry());
  REQUIRE(s.treatment);
  const auto& items = s.treatment->items;
  REQUIRE(items.size() == 3);
  CHECK(items[0].regimen == "480mg_q4w");
  CHECK(items[0].slot == "pd1");
  CHECK(items[1].pk.name == "FDA review 2016");
  CHECK(items[1].slot == "pdl1");
  CHECK(items[2].regimen == "1mgkg_q6w_with_nivolumab");  // the drug's first (standard) regimen
  CHECK(items[2].slot == "ctla4");
  CHECK(s.treatment->stop == icbsim::StopRule::kConfirmedProgression);
}

TEST_CASE("two drugs of one class need two slots", "[io][treatment]") {
  REQUIRE_THROWS_WITH(icbsim::load_scenario_text("model: nsclc_icb\ntime: {end: 100 days}\n"
                                                 "treatment: {drugs: [{drug: pembrolizumab}, {drug: nivolumab}]}\n",
                                                 "t.yaml", registry()),
                      Catch::Contains("t.yaml:3:51") && Catch::Contains("no free drug slot"));
}

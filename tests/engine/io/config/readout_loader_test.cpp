// readout_loader: the tumour mapping's kind and factor follow the size's declared unit; lesions,
// scans and readout settings are read with their defaults.
#include <catch2/catch.hpp>

#include "engine/io/config/scenario_loader.hpp"
#include "models/register_builtin.hpp"
#include "tests/support/builtin_registry.hpp"

namespace {
using icbsim::testing::registry;
}  // namespace

TEST_CASE("the size kind and factor follow the declared unit", "[io][readout]") {
  const auto cells = icbsim::load_scenario_text(
      "model: kuznetsov1994\ntime: {end: 100 days}\ntumour: {size: T, cells_per_ml: 2e8}\nscans: {every: 6 weeks}\n",
      "r.yaml", registry());
  REQUIRE(cells.readout);
  CHECK(cells.readout->tumour.kind == icbsim::readout::SizeKind::kCells);
  CHECK(cells.readout->tumour.cells_per_ml == 2e8);
  CHECK(cells.readout->tumour.lesions.size() == 1);
  CHECK(cells.readout->scans.every == 42.0);
  CHECK(cells.readout->settings.criteria == icbsim::readout::Criteria::kRecist11);
  CHECK(cells.readout->settings.recist.confirm_response);
  const auto diameter = icbsim::load_scenario_text(
      "model: nsclc_icb\ntime: {end: 100 days}\ntumour: {size: tumour_diameter}\nscans: {every: 8 weeks}\n"
      "readout: {criteria: irecist, confirmation_interval: 5 weeks, min_sd_duration: 8 weeks, surgery: 6 weeks}\n",
      "r.yaml", registry());
  CHECK(diameter.readout->tumour.kind == icbsim::readout::SizeKind::kDiameter);
  CHECK(diameter.readout->tumour.to_base_unit == 1.0);  // mm
  CHECK(diameter.readout->settings.criteria == icbsim::readout::Criteria::kIrecist);
  CHECK(diameter.readout->settings.recist.confirmation_interval_days == 35.0);
  CHECK(diameter.readout->settings.irecist.recist.min_sd_duration_days == 56.0);
  CHECK(diameter.readout->settings.surgery_day == 42.0);
}

TEST_CASE("a volume in mL is a volume, lesions keep their organs and node flags", "[io][readout]") {
  const auto s = icbsim::load_scenario_text(
      "model: nsclc_icb\ntime: {end: 100 days}\n"
      "tumour: {size: tumour_volume, lesions: [{organ: lung, share: 0.5}, {organ: hilum, share: 0.2, node: true}]}\n"
      "scans: {every: 6 weeks}\n",
      "r.yaml", registry());
  CHECK(s.readout->tumour.kind == icbsim::readout::SizeKind::kVolume);
  REQUIRE(s.readout->tumour.lesions.size() == 2);
  CHECK(s.readout->tumour.lesions[1].is_node);
  CHECK(s.readout->tumour.lesions[1].share == 0.2);
}

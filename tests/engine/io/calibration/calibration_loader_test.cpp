// Calibration configs: a good one loads (scenarios, free parameters, targets in engine units), and
// one with every target qualifier (against:, at:, tps:);
// every file in tests/data/bad_calibration/ is rejected with its located message ("# expect:" and
// "# location: L:C" in its first lines), like the scenario bad-input catalogue.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "engine/core/errors.hpp"
#include "engine/io/calibration/calibration_loader.hpp"
#include "models/register_builtin.hpp"

using namespace icbsim;

TEST_CASE("a calibration config loads into a problem in engine units", "[calibrate][io]") {
  const std::string path = std::string(ICBSIM_SOURCE_DIR) + "/tests/data/calibration/synthetic_fit.yaml";
  const ModelRegistry registry = models::builtin_registry();
  const CalibrationConfig c = load_calibration_config(path, registry);
  REQUIRE(c.problem.scenarios.size() == 1);
  CHECK(c.problem.scenarios[0].seed == 99);  // the config's seed (+ scenario index) replaces the scenario's
  REQUIRE(c.problem.parameters.size() == 2);
  CHECK(c.problem.parameters[0].label == "a.median");
  CHECK(c.problem.parameters[0].unit == "1/day");
  CHECK(c.problem.parameters[0].scale == calibrate::Scale::kLog);
  CHECK(c.problem.parameters[1].unit.empty());
  REQUIRE(c.problem.targets.size() == 2);
  CHECK(c.problem.targets[0].value == 69.0);   // days
  CHECK(c.problem.targets[1].value == Approx(0.30));  // 30 % as a fraction
  CHECK(c.problem.targets[1].scale == Approx(0.01));
  CHECK(c.problem.optimiser.max_evaluations == 300);
  CHECK(c.overlays.size() == 1);
  CHECK(std::filesystem::path(c.overlays[0]).filename() == "fitted.yaml");
}

TEST_CASE("a calibration config with hazard ratios landmarks restricted means and TPS strata loads",
          "[calibrate][io]") {
  const std::string path = std::string(ICBSIM_SOURCE_DIR) + "/tests/data/calibration/tps_fit.yaml";
  const ModelRegistry registry = models::builtin_registry();
  const CalibrationConfig c = load_calibration_config(path, registry);
  using calibrate::Statistic;
  constexpr double kMonth = 365.25 / 12;  // days
  REQUIRE(c.problem.scenarios.size() == 1);
  CHECK(c.problem.scenarios[0].time.end == Approx(15 * kMonth));  // follow_up: 15 months
  const auto& t = c.problem.targets;
  REQUIRE(t.size() == 7);

  CHECK(t[0].statistic == Statistic::kHrOs);
  CHECK(t[0].arm == 0);
  CHECK(t[0].against == std::optional<std::size_t>{1});
  CHECK(t[0].against_arm == "docetaxel");
  REQUIRE(t[0].tps);
  CHECK(t[0].tps->min == std::optional<double>{50.0});  // per cent
  CHECK_FALSE(t[0].tps->max);
  CHECK_FALSE(t[0].at);
  CHECK(t[0].value == 0.53);  // a plain ratio
  CHECK(t[0].scale == 0.05);
  CHECK(t[0].label == "trial pembrolizumab hr_os vs docetaxel TPS >= 50 %");

  CHECK(t[1].statistic == Statistic::kHrPfs);
  CHECK(t[1].arm == 1);
  CHECK(t[1].against == std::optional<std::size_t>{0});
  CHECK_FALSE(t[1].tps);
  CHECK(t[1].label == "trial docetaxel hr_pfs vs pembrolizumab");

  CHECK(t[2].statistic == Statistic::kLandmarkOs);
  CHECK(t[2].at == std::optional<double>{12 * kMonth});
  CHECK_FALSE(t[2].against);
  CHECK(t[2].against_arm.empty());
  CHECK(t[2].value == Approx(0.692));
  CHECK(t[2].scale == Approx(0.03));
  CHECK(t[2].label == "trial pembrolizumab landmark_os at 12 months");

  CHECK(t[3].statistic == Statistic::kLandmarkPfs);
  CHECK(t[3].at == std::optional<double>{182.0});
  REQUIRE(t[3].tps);
  CHECK_FALSE(t[3].tps->min);
  CHECK(t[3].tps->max == std::optional<double>{1.0});
  CHECK(t[3].label == "trial docetaxel landmark_pfs at 26 weeks TPS < 1 %");

  CHECK(t[4].statistic == Statistic::kRmstOs);
  CHECK(*t[4].at == Approx(12 * kMonth));
  CHECK(t[4].value == Approx(9 * kMonth));  // days
  CHECK(t[4].scale == Approx(0.5 * kMonth));
  REQUIRE(t[4].tps);
  CHECK(t[4].tps->min == std::optional<double>{1.0});
  CHECK(t[4].tps->max == std::optional<double>{50.0});
  CHECK(t[4].label == "trial pembrolizumab rmst_os at 12 months TPS 1 % to < 50 %");

  CHECK(t[5].statistic == Statistic::kRmstPfs);
  CHECK(*t[5].at == Approx(365.25));
  CHECK(t[5].value == 150.0);

  CHECK(t[6].statistic == Statistic::kOrr);
  REQUIRE(t[6].tps);
  CHECK(t[6].tps->min == std::optional<double>{1.0});
  CHECK_FALSE(t[6].at);
  CHECK_FALSE(t[6].against);
  CHECK(t[6].value == Approx(0.18));
}

TEST_CASE("every bad calibration config is rejected with its located message", "[calibrate][io][bad-input]") {
  const auto registry = models::builtin_registry();
  const std::filesystem::path folder = std::filesystem::path(ICBSIM_SOURCE_DIR) / "tests/data/bad_calibration";
  std::size_t count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != ".yaml") continue;
    ++count;
    std::string fragment, location;
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line) && line.rfind("# ", 0) == 0;) {
      if (line.rfind("# expect: ", 0) == 0) fragment = line.substr(10);
      if (line.rfind("# location: ", 0) == 0) location = line.substr(12);
    }
    const std::string path = entry.path().string();
    INFO(path);
    REQUIRE_FALSE(fragment.empty());
    REQUIRE_FALSE(location.empty());
    try {
      (void)load_calibration_config(path, registry);
      FAIL("accepted a bad calibration config");
    } catch (const ScenarioError& e) {
      const std::string message = e.what();
      INFO(message);
      CHECK(message.find(fragment) != std::string::npos);
      CHECK(message.rfind(path + ":" + location + ": ", 0) == 0);
      CHECK(message.back() == '^');  // the line, then a caret under the column
    }
  }
  CHECK(count >= 20);
}

// Calibration configs: a good one loads (scenarios, free parameters, targets in engine units);
// every file in tests/data/bad_calibration/ is rejected with its located message ("# expect:" and
// "# location: L:C" in its first lines), like the scenario bad-input catalogue.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
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
  CHECK(count >= 7);
}

// Fitted values as a scenario fragment: the header as comments, parameters:, population:
// distributions (fields in the config's order), prevalence and the whole correlation list, only
// the free parameters of the overlay asked for; writing every overlay file of a config.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "engine/core/errors.hpp"
#include "engine/io/calibration/calibration_overlay.hpp"
#include "engine/io/config/scenario_loader.hpp"
#include "models/register_builtin.hpp"
#include "tests/support/builtin_registry.hpp"

using namespace icbsim;
using calibrate::Field;
using calibrate::FreeParameter;
using calibrate::Quantity;

namespace fs = std::filesystem;

namespace {

using icbsim::testing::registry;

FreeParameter free_parameter(Quantity quantity, const std::string& target, const std::string& unit,
                             const std::string& group, Field field = Field::kMedian) {
  FreeParameter p;
  p.quantity = quantity;
  p.target = target;
  p.unit = unit;
  p.group = group;
  p.field = field;
  return p;
}

/// A config over the Kuznetsov cohort (a, s lognormal/normal, correlated 0.5; b2m_loss at 0.3)
/// with free parameters in two overlays.
CalibrationConfig config() {
  CalibrationConfig c;
  c.problem.scenarios = {load_scenario_file(std::string(ICBSIM_SOURCE_DIR) + "/tests/data/kuznetsov_cohort.yaml", registry())};
  c.problem.scenario_names = {"cohort"};
  c.problem.parameters = {
      free_parameter(Quantity::kModelParameter, "p", "1/day", "fit.yaml"),
      free_parameter(Quantity::kDistribution, "a", "1/day", "fit.yaml", Field::kMedian),
      free_parameter(Quantity::kModelParameter, "n", "1/(cell*day)", "fit.yaml"),
      free_parameter(Quantity::kDistribution, "a", "", "fit.yaml", Field::kCv),
      free_parameter(Quantity::kPrevalence, "b2m_loss", "", "fit.yaml"),
      free_parameter(Quantity::kModelParameter, "d", "1/day", "other.yaml"),
  };
  c.overlays = {"fit.yaml", "other.yaml"};
  return c;
}

const std::vector<double> kValues{0.1234567, 0.012345678, 2.5e-7, 0.4, 0.25, 0.0412};

std::string read_text(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("an overlay holds its fitted parameters distributions and prevalences", "[calibrate][io]") {
  const CalibrationConfig c = config();
  // Names sorted, numbers to 6 significant digits followed by their unit, distribution fields in
  // the config's order.
  CHECK(calibration_overlay_text(c, kValues, "fit.yaml", "Fitted by a test\nobjective 1.5") ==
        "# Fitted by a test\n"
        "# objective 1.5\n"
        "parameters:\n"
        "  n: 2.5e-07 1/(cell*day)\n"
        "  p: 0.123457 1/day\n"
        "population:\n"
        "  distributions:\n"
        "    a: {median: 0.0123457 1/day, cv: 0.4}\n"
        "  prevalence:\n"
        "    b2m_loss: 0.25\n");
  // The other overlay: its one model parameter, no population section, no header without one.
  CHECK(calibration_overlay_text(c, kValues, "other.yaml", "") == "parameters:\n  d: 0.0412 1/day\n");
  // An overlay no free parameter writes to is only its header.
  CHECK(calibration_overlay_text(c, kValues, "none.yaml", "empty") == "# empty\n");
}

TEST_CASE("a fitted correlation writes the whole correlation list of the fitted population", "[calibrate][io]") {
  CalibrationConfig c = config();
  FreeParameter rho = free_parameter(Quantity::kCorrelation, "a", "", "rho.yaml");
  rho.second_target = "s";
  c.problem.parameters.push_back(rho);
  std::vector<double> values = kValues;
  values.push_back(-0.3);
  const std::string text = calibration_overlay_text(c, values, "rho.yaml", "");
  // The fixture's only correlation (a, s) at its fitted value; none of the other overlays' values.
  CHECK(text == "population:\n  correlations:\n    - {between: [a, s], rho: -0.3}\n");
  // The scenario itself is left as loaded.
  CHECK(c.problem.scenarios[0].population->correlation(0, 1) == 0.5);
}

TEST_CASE("a correlation fitted for one scenario is taken from that scenario", "[calibrate][io]") {
  CalibrationConfig c = config();
  // Scenario 0 has no population correlations to speak of; scenario 1 is the cohort.
  c.problem.scenarios.insert(c.problem.scenarios.begin(),
                             load_scenario_text("model: kuznetsov1994\ntime: {end: 10 days}\n", "single.yaml", registry()));
  FreeParameter rho = free_parameter(Quantity::kCorrelation, "a", "", "rho.yaml");
  rho.second_target = "s";
  rho.scenarios = {1};
  c.problem.parameters = {rho};
  CHECK(calibration_overlay_text(c, {0.75}, "rho.yaml", "") ==
        "population:\n  correlations:\n    - {between: [a, s], rho: 0.75}\n");
}

TEST_CASE("every overlay file of a config is written, folders created", "[calibrate][io]") {
  const fs::path dir = fs::temp_directory_path() / "icbsim_tests" / "calibration_overlay";
  fs::remove_all(dir);
  CalibrationConfig c = config();
  for (FreeParameter& p : c.problem.parameters) p.group = (dir / "deep" / p.group).string();
  c.overlays = {(dir / "deep" / "fit.yaml").string(), (dir / "deep" / "other.yaml").string()};
  write_calibration_overlays(c, kValues, "header");
  for (const std::string& path : c.overlays) {
    INFO(path);
    REQUIRE(fs::exists(path));
    CHECK(read_text(path) == calibration_overlay_text(c, kValues, path, "header"));
  }
  CHECK(read_text(c.overlays[1]) == "# header\nparameters:\n  d: 0.0412 1/day\n");
  // A second write replaces the file.
  write_calibration_overlays(c, std::vector<double>{1, 1, 1, 1, 1, 0.05}, "");
  CHECK(read_text(c.overlays[1]) == "parameters:\n  d: 0.05 1/day\n");

  // A folder that cannot be made (a file stands in its place): IoError naming it.
  std::ofstream(dir / "a_file") << "x";
  c.overlays = {(dir / "a_file" / "fit.yaml").string()};
  CHECK_THROWS_AS(write_calibration_overlays(c, kValues, ""), IoError);
  CHECK_THROWS_WITH(write_calibration_overlays(c, kValues, ""),
                    Catch::Contains("cannot create folder '" + (dir / "a_file").string() + "'"));
}

TEST_CASE("a fitted overlay listed under base: refines the scenario it was fitted on", "[calibrate][io]") {
  const fs::path dir = fs::temp_directory_path() / "icbsim_tests" / "calibration_overlay_base";
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy_file(fs::path(ICBSIM_SOURCE_DIR) / "tests/data/kuznetsov_cohort.yaml", dir / "cohort.yaml");
  CalibrationConfig c = config();
  FreeParameter rho = free_parameter(Quantity::kCorrelation, "a", "", "fit.yaml");
  rho.second_target = "s";
  c.problem.parameters.push_back(rho);
  std::vector<double> values = kValues;
  values.push_back(-0.3);
  std::ofstream(dir / "fit.yaml") << calibration_overlay_text(c, values, "fit.yaml", "fitted");
  std::ofstream(dir / "refit.yaml") << "base: [cohort.yaml, fit.yaml]\n";
  const Scenario s = load_scenario_file((dir / "refit.yaml").string(), registry());
  // Every fitted value, to the 6 digits written.
  CHECK(s.parameters[static_cast<std::size_t>(s.model->parameter_index("p"))] == Approx(0.123457).epsilon(1e-12));
  CHECK(s.parameters[static_cast<std::size_t>(s.model->parameter_index("n"))] == Approx(2.5e-7).epsilon(1e-12));
  const auto& population = *s.population;
  REQUIRE(population.quantities[0].name == "a");
  CHECK(population.quantities[0].distribution.a == Approx(0.0123457).epsilon(1e-12));  // median
  CHECK(population.quantities[0].distribution.b == Approx(0.4).epsilon(1e-12));        // cv
  CHECK(population.overlays.at(0).prevalence == Approx(0.25));
  CHECK(population.correlation(0, 1) == Approx(-0.3));
  CHECK(population.quantities.size() == 3);  // the base's other distributions stay
}

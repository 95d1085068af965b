// The whole sweep path (scenario, Saltelli design, tasks, HDF5, analysis) against analytic Sobol'
// indices: the Ishigami function (a = 7, b = 0.1) at 2^14 base samples and Sobol's G-function.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <numbers>

#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/h5/hdf5_handle.hpp"
#include "engine/io/results/result_writer.hpp"
#include "engine/run/runner.hpp"
#include "models/register_builtin.hpp"
#include "tests/support/builtin_registry.hpp"

namespace fs = std::filesystem;

namespace {

struct Indices {
  std::vector<double> first, total;
};

/// Runs a sweep fixture and reads the indices of its one output.
Indices sweep_indices(const std::string& fixture, const std::string& output) {
  const auto& registry = icbsim::testing::registry();
  const auto s = icbsim::load_scenario_file(std::string(ICBSIM_SOURCE_DIR) + "/tests/data/sweeps/" + fixture, registry);
  const fs::path dir = fs::temp_directory_path() / "icbsim_tests" / "sweep_validation";
  fs::create_directories(dir);
  const fs::path path = dir / (fixture + ".h5");
  {
    const icbsim::Plan plan(s);
    icbsim::Hdf5ResultWriter writer(path.string(), s, plan);
    icbsim::run_plan(s, plan, writer);
  }
  icbsim::h5::Id file = icbsim::h5::open_file_read(path.string());
  const std::string group = "/sweep/sensitivity/all/" + output + "/";
  return {icbsim::h5::read_doubles(file.get(), group + "first"), icbsim::h5::read_doubles(file.get(), group + "total")};
}

}  // namespace

TEST_CASE("the Ishigami function run as a model gives its Sobol indices within 0.02", "[validation][sweep]") {
  // Analytic variances (Saltelli et al. 2008 §4.2), a = 7, b = 0.1, inputs uniform on [-pi, pi].
  const double a = 7.0, b = 0.1, pi4 = std::pow(std::numbers::pi, 4), pi8 = pi4 * pi4;
  const double v1 = 0.5 * std::pow(1 + b * pi4 / 5, 2), v2 = a * a / 8, v13 = b * b * pi8 * (1.0 / 18 - 1.0 / 50);
  const double v = v1 + v2 + v13;
  const Indices s = sweep_indices("ishigami.yaml", "final:f");
  REQUIRE(s.first.size() == 3);
  const double first[] = {v1 / v, v2 / v, 0.0}, total[] = {(v1 + v13) / v, v2 / v, v13 / v};
  // The published rounded values the issue cites.
  CHECK(first[0] == Approx(0.314).margin(0.001));
  CHECK(total[2] == Approx(0.244).margin(0.001));
  for (std::size_t i = 0; i < 3; ++i) {
    INFO("x" << i + 1);
    CHECK(s.first[i] == Approx(first[i]).margin(0.02));
    CHECK(s.total[i] == Approx(total[i]).margin(0.02));
  }
}

TEST_CASE("the Sobol G-function run as a model gives its Sobol indices within 0.02", "[validation][sweep]") {
  const double a[] = {0, 1, 4.5, 99};
  double v_i[4], product = 1.0;
  for (int i = 0; i < 4; ++i) {
    v_i[i] = 1.0 / (3 * (1 + a[i]) * (1 + a[i]));
    product *= 1 + v_i[i];
  }
  const double v = product - 1.0;
  const Indices s = sweep_indices("sobol_g.yaml", "final:g");
  REQUIRE(s.first.size() == 4);
  for (std::size_t i = 0; i < 4; ++i) {
    INFO("x" << i + 1);
    CHECK(s.first[i] == Approx(v_i[i] / v).margin(0.02));
    CHECK(s.total[i] == Approx(v_i[i] * product / (1 + v_i[i]) / v).margin(0.02));
  }
}

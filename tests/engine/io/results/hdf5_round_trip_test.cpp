// A run written through Hdf5ResultWriter reads back with the same numbers, units and attributes;
// an unfinished writer leaves no file behind.
#include <catch2/catch.hpp>

#include <filesystem>

#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/h5/hdf5_handle.hpp"
#include "engine/io/results/result_reader.hpp"
#include "engine/io/results/result_writer.hpp"
#include "engine/run/plan.hpp"
#include "engine/run/runner.hpp"
#include "models/register_builtin.hpp"

namespace fs = std::filesystem;

namespace {
fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / "icbsim_tests";
  fs::create_directories(dir);
  const fs::path p = dir / name;
  fs::remove(p);
  fs::remove(p.string() + ".partial");
  return p;
}
}  // namespace

TEST_CASE("a result file reads back exactly what was simulated", "[io][hdf5]") {
  const auto registry = icbsim::models::builtin_registry();
  const std::string text = "model: nikolopoulou2018\ntime: {end: 30 days, output_every: 0.5 day}\nseed: 11\n";
  const auto scenario = icbsim::load_scenario_text(text, "inline.yaml", registry);
  const icbsim::Plan plan(scenario);
  const std::vector<icbsim::TaskInput> tasks{plan.task(0)};
  const auto expected = scenario.model->simulate(tasks[0]);
  const fs::path path = scratch("round_trip.h5");
  {
    icbsim::Hdf5ResultWriter writer(path.string(), scenario, plan);
    CHECK(fs::exists(path.string() + ".partial"));
    CHECK_FALSE(fs::exists(path));
    icbsim::run_plan(scenario, plan, writer);
  }
  REQUIRE(fs::exists(path));
  CHECK_FALSE(fs::exists(path.string() + ".partial"));

  const auto contents = icbsim::read_result_file(path.string());
  CHECK(contents.model == "nikolopoulou2018");
  CHECK(contents.tasks == 1);
  CHECK(contents.failed == 0);
  CHECK(contents.time == tasks[0].output_times);
  REQUIRE(contents.trajectories.size() == 3 + 4);  // C, T, A and observables P, L, Q, F
  CHECK(contents.trajectories[0].name == "C");
  CHECK(contents.trajectories[0].unit == "g/cm^3");
  CHECK(contents.trajectories[6].name == "F");
  CHECK(contents.trajectories[6].kind == "observable");
  const std::size_t n = contents.time.size();
  for (std::size_t k = 0; k < contents.trajectories.size(); ++k)
    for (std::size_t j = 0; j < n; ++j) REQUIRE(contents.trajectories[k].values[j] == expected.trajectories[k * n + j]);

  icbsim::h5::Id file = icbsim::h5::open_file_read(path.string());
  CHECK(icbsim::h5::read_string_attribute(file.get(), "scenario") == text);
  CHECK(icbsim::h5::read_string_attribute(file.get(), "scenario_resolved").find("gamma_A: 0") != std::string::npos);
  CHECK(icbsim::h5::read_double_attribute(file.get(), "wall_seconds") >= 0.0);
  std::vector<hsize_t> dims;
  const auto eta = icbsim::h5::read_doubles(file.get(), "/parameters/eta", &dims);
  CHECK(dims == std::vector<hsize_t>{1});
  CHECK(eta[0] == 57.5);
  icbsim::h5::Id ds(H5Dopen2(file.get(), "/parameters/eta", H5P_DEFAULT));
  CHECK(icbsim::h5::read_string_attribute(ds.get(), "units") == "cm^3/(g*day)");
  CHECK(icbsim::h5::read_string_attribute(ds.get(), "source").find("MODEL1908270001") != std::string::npos);
}

TEST_CASE("a writer destroyed before finishing removes its temporary file", "[io][hdf5]") {
  const auto registry = icbsim::models::builtin_registry();
  const auto scenario = icbsim::load_scenario_text("model: kuznetsov1994\ntime: {end: 5 days}\n", "i.yaml", registry);
  const fs::path path = scratch("abandoned.h5");
  {
    const icbsim::Plan plan(scenario);
    icbsim::Hdf5ResultWriter writer(path.string(), scenario, plan);
    CHECK(fs::exists(path.string() + ".partial"));
  }
  CHECK_FALSE(fs::exists(path.string() + ".partial"));
  CHECK_FALSE(fs::exists(path));
}

TEST_CASE("a failed task is recorded with its reason and NaN trajectories", "[io][hdf5]") {
  const auto registry = icbsim::models::builtin_registry();
  // A tiny step budget makes the integration fail.
  const auto scenario = icbsim::load_scenario_text(
      "model: kuznetsov1994\ntime: {end: 100 days}\nsolver: {max_steps: 3}\n", "i.yaml", registry);
  const icbsim::Plan plan(scenario);
  const fs::path path = scratch("failed.h5");
  icbsim::RunReport report;
  {
    icbsim::Hdf5ResultWriter writer(path.string(), scenario, plan);
    report = icbsim::run_plan(scenario, plan, writer);
  }
  CHECK(report.failed == 1);
  const auto contents = icbsim::read_result_file(path.string());
  CHECK(contents.failed == 1);
  CHECK(contents.failure_reasons[0].find("maximum number of steps exceeded") != std::string::npos);
  CHECK(std::isnan(contents.trajectories[0].values[0]));
}

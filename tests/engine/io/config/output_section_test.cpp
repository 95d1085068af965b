// engine/io/config/output_section: output: as a file name or a map reads, writes back on one line
// and reads again; bad entries fail at their line and column; a sweep stores by default only the
// trajectories its outputs read; the writer stores what was chosen, with the same values.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "engine/core/errors.hpp"
#include "engine/io/config/output_section.hpp"
#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/config/scenario_writer.hpp"
#include "engine/io/h5/hdf5_handle.hpp"
#include "tests/support/builtin_registry.hpp"
#include "tests/support/run_to_file.hpp"

namespace fs = std::filesystem;
using icbsim::testing::registry;

namespace {

const std::string kBase = R"(model: kuznetsov1994
time: {end: 100 days}
population:
  size: 300
  distributions:
    a: {distribution: lognormal, median: 0.18 1/day, cv: 0.2}
seed: 3
)";

icbsim::Scenario load(const std::string& output) {
  return icbsim::load_scenario_text(kBase + output, "output.yaml", registry());
}

std::string error_of(const std::string& output) {
  try {
    load(output);
  } catch (const icbsim::ScenarioError& e) {
    return e.what();
  }
  return "";
}

fs::path folder() {
  const fs::path dir = fs::temp_directory_path() / "icbsim_tests" / "output_section";
  fs::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("output: a file name alone keeps every trajectory, doubles and the default compression", "[io][output]") {
  const icbsim::Scenario s = load("output: " + (folder() / "a.h5").string() + "\n");
  CHECK(s.output_path == (folder() / "a.h5").string());
  CHECK(s.output.all_trajectories);
  CHECK_FALSE(s.output.stated);
  CHECK(s.output.precision == icbsim::OutputPrecision::kDouble);
  CHECK(s.output.compression == icbsim::OutputCompression::kNone);
  // Written back as before: the file name alone.
  CHECK(icbsim::resolved_scenario_yaml(s).find("output: " + (folder() / "a.h5").string() + "\n") != std::string::npos);
  CHECK(icbsim::describe_output(s) == "trajectories all, every 1 day, double precision, compression none");
}

TEST_CASE("output: as a map reads, writes back on one line and reads again", "[io][output]") {
  const icbsim::Scenario s = load("output: {file: " + (folder() / "b.h5").string() +
                                  ", trajectories: [T], every: 7 days, precision: single, compression: fast}\n");
  CHECK(s.output_path == (folder() / "b.h5").string());
  CHECK_FALSE(s.output.all_trajectories);
  CHECK(s.output.trajectory_rows == std::vector<std::size_t>{1});
  CHECK(s.time.output_every == 7.0);
  CHECK(s.output.precision == icbsim::OutputPrecision::kSingle);
  CHECK(s.output.compression == icbsim::OutputCompression::kFast);
  const std::string yaml = icbsim::resolved_scenario_yaml(s);
  CHECK(yaml.find("output: {file: " + (folder() / "b.h5").string() +
                  ", trajectories: [T], precision: single, compression: fast}\n") != std::string::npos);
  const icbsim::Scenario back = icbsim::load_scenario_text(yaml, "resolved.yaml", registry());
  CHECK(back.output.trajectory_rows == s.output.trajectory_rows);
  CHECK(back.time.output_every == 7.0);
  CHECK(back.output.precision == s.output.precision);
  CHECK(back.output.compression == s.output.compression);
  CHECK(icbsim::describe_output(back) == "trajectories T, every 7 day, single precision, compression fast");
  CHECK(load("output: {trajectories: none}\n").output.trajectory_rows.empty());
  CHECK_FALSE(load("output: {trajectories: none}\n").output.all_trajectories);
  CHECK(load("output: {trajectories: all, compression: small}\n").output.all_trajectories);
}

TEST_CASE("output: bad entries fail at their line and column", "[io][output]") {
  CHECK(error_of("output: {trajectories: [T, Tumour]}\n")
            .find("output.yaml:8:28: model 'kuznetsov1994' has no state "
                  "variable or observable 'Tumour'") != std::string::npos);
  CHECK(error_of("output: {trajectories: some}\n")
            .find("output.yaml:8:24: output.trajectories must be all, none or a list") != std::string::npos);
  CHECK(error_of("output: {compression: tiny}\n").find("output.yaml:8:23:") != std::string::npos);
  CHECK(error_of("output: {compression: tiny}\n").find("none, fast, small") != std::string::npos);
  CHECK(error_of("output: {precision: half}\n").find("double, single") != std::string::npos);
  CHECK(error_of("output: {trajectory: all}\n").find("output.yaml:8:10:") != std::string::npos);
  CHECK(error_of("output: [a.h5]\n").find("output must name a file, or be a map") != std::string::npos);
  std::string twice;
  try {
    icbsim::load_scenario_text(
        "model: kuznetsov1994\ntime: {end: 100 days, output_every: 2 days}\noutput: {every: 7 days}\n", "twice.yaml",
        registry());
  } catch (const icbsim::ScenarioError& e) {
    twice = e.what();
  }
  CHECK(twice.find("twice.yaml:3:17: the output interval is given twice") != std::string::npos);
}

TEST_CASE("a sweep stores by default only the trajectories its outputs read", "[io][output]") {
  const icbsim::Scenario sweep = icbsim::load_scenario_file(
      std::string(ICBSIM_SOURCE_DIR) + "/tests/data/sweeps/kuznetsov_cohort_sweep.yaml", registry());
  CHECK_FALSE(sweep.output.all_trajectories);
  CHECK(sweep.output.trajectory_rows == std::vector<std::size_t>{1});  // final:T
}

TEST_CASE("the writer stores the chosen trajectories with the same values in every compression", "[io][output]") {
  using icbsim::h5::read_doubles;
  const fs::path dir = folder();
  icbsim::testing::run_to_file(load(""), dir / "all.h5");
  for (const char* compression : {"none", "fast", "small"}) {
    INFO(compression);
    icbsim::testing::run_to_file(load(std::string("output: {compression: ") + compression + "}\n"),
                                 dir / (std::string(compression) + ".h5"));
    const icbsim::h5::Id a = icbsim::h5::open_file_read((dir / "all.h5").string());
    const icbsim::h5::Id b = icbsim::h5::open_file_read((dir / (std::string(compression) + ".h5")).string());
    for (const char* path : {"/trajectories/E", "/trajectories/T", "/parameters/a", "/tasks/id"})
      CHECK(read_doubles(a.get(), path) == read_doubles(b.get(), path));
  }
  icbsim::testing::run_to_file(load("output: {trajectories: [T], precision: single}\n"), dir / "t.h5");
  const icbsim::h5::Id all = icbsim::h5::open_file_read((dir / "all.h5").string());
  const icbsim::h5::Id t = icbsim::h5::open_file_read((dir / "t.h5").string());
  CHECK_FALSE(icbsim::h5::exists(t.get(), "/trajectories/E"));
  std::vector<hsize_t> dims;
  const std::vector<double> single = read_doubles(t.get(), "/trajectories/T", &dims);
  const std::vector<double> full = read_doubles(all.get(), "/trajectories/T");
  CHECK(dims == std::vector<hsize_t>{300, 101});
  REQUIRE(single.size() == full.size());
  for (std::size_t i = 0; i < full.size(); ++i) CHECK(single[i] == static_cast<double>(static_cast<float>(full[i])));
  icbsim::testing::run_to_file(load("output: {trajectories: none}\n"), dir / "none.h5");
  const icbsim::h5::Id none = icbsim::h5::open_file_read((dir / "none.h5").string());
  CHECK(icbsim::h5::list_group(none.get(), "/trajectories").empty());
  CHECK(read_doubles(none.get(), "/parameters/a") == read_doubles(all.get(), "/parameters/a"));
}

// result_merger: shards of a treated cohort merge into a file whose datasets and trial report equal
// those of one run; overlapping, incomplete or foreign shards are refused.
#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>

#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/results/result_merger.hpp"
#include "engine/io/results/result_writer.hpp"
#include "engine/run/runner.hpp"
#include "models/register_builtin.hpp"
#include "tests/support/builtin_registry.hpp"
#include "tests/support/hdf5_datasets.hpp"
#include "tests/support/run_to_file.hpp"

namespace fs = std::filesystem;

namespace {

using icbsim::testing::registry;

const std::string kScenario =
    "model: nsclc_icb\npatient: {weight: 70 kg, height: 175 cm}\ntime: {end: 200 days, output_every: 7 days}\n"
    "tumour: {size: tumour_diameter}\nscans: {every: 6 weeks}\n"
    "population: {size: 5, distributions: {antigenicity: {distribution: lognormal, median: 1, cv: 0.8}},"
    " prevalence: {low_tmb: 0.5}}\n"
    "arms: {pembrolizumab: {treatment: {drugs: [{drug: pembrolizumab}], stop: confirmed_progression}},"
    " docetaxel: {treatment: {drugs: [{drug: docetaxel}]}}}\nseed: 3\n";

fs::path run(const icbsim::Scenario& s, const std::string& name, icbsim::TaskRange range = {}) {
  const fs::path path = fs::temp_directory_path() / "icbsim_tests" / name;
  fs::create_directories(path.parent_path());
  icbsim::testing::run_to_file(s, path, range);
  return path;
}

}  // namespace

TEST_CASE("merged shards equal one run, doses and report included", "[io][merge]") {
  const auto s = icbsim::load_scenario_text(kScenario, "m.yaml", registry());
  const fs::path whole = run(s, "merge_whole.h5");
  const std::vector<std::string> shards = {run(s, "merge_c.h5", {7, 10}).string(), run(s, "merge_a.h5", {0, 3}).string(),
                                           run(s, "merge_b.h5", {3, 7}).string()};
  const fs::path merged = fs::temp_directory_path() / "icbsim_tests" / "merge_merged.h5";
  const auto summary = icbsim::merge_results(merged.string(), shards, registry());
  CHECK(summary.shards == 3);
  CHECK(summary.tasks == 10);
  const auto a = icbsim::testing::datasets(whole);
  const auto b = icbsim::testing::datasets(merged);
  REQUIRE(a.count("doses/time") == 1);
  REQUIRE(a.size() == b.size());
  for (const auto& [name, bytes] : a) {
    INFO(name);
    CHECK(b.at(name) == bytes);
  }
  icbsim::h5::Id fa = icbsim::h5::open_file_read(whole.string());
  icbsim::h5::Id fb = icbsim::h5::open_file_read(merged.string());
  CHECK(icbsim::h5::read_string_attribute(fa.get(), "report") == icbsim::h5::read_string_attribute(fb.get(), "report"));
}

TEST_CASE("shards that overlap, leave gaps or come from another scenario are refused", "[io][merge]") {
  const auto s = icbsim::load_scenario_text(kScenario, "m.yaml", registry());
  const std::string a = run(s, "merge_x0.h5", {0, 4}).string();
  const std::string b = run(s, "merge_x1.h5", {3, 10}).string();
  const std::string c = run(s, "merge_x2.h5", {5, 10}).string();
  const std::string out = (fs::temp_directory_path() / "icbsim_tests" / "merge_bad.h5").string();
  CHECK_THROWS_WITH(icbsim::merge_results(out, {a, b}, registry()), Catch::Contains("in two shards"));
  CHECK_THROWS_WITH(icbsim::merge_results(out, {a, c}, registry()), Catch::Contains("in no shard"));
  auto other = icbsim::load_scenario_text(kScenario + "description: other\n", "o.yaml", registry());
  const std::string d = run(other, "merge_x3.h5", {4, 10}).string();
  CHECK_THROWS_WITH(icbsim::merge_results(out, {a, d}, registry()), Catch::Contains("different scenario"));
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("an interrupted run keeps its finished tasks and resumes to the whole run", "[io][merge][resume]") {
  const auto s = icbsim::load_scenario_text(kScenario, "m.yaml", registry());
  const fs::path whole = run(s, "resume_whole.h5");
  const fs::path target = fs::temp_directory_path() / "icbsim_tests" / "resume.h5";
  const std::string partial = icbsim::interrupted_path(target.string());
  fs::remove(target);
  fs::remove(partial);
  std::atomic<bool> stop{false};
  {
    const icbsim::Plan plan(s);
    icbsim::Hdf5ResultWriter writer(target.string(), s, plan);
    // Interrupt after 4 tasks: the tasks in flight finish, the rest are recorded as not run.
    const auto report = icbsim::run_plan(
        s, plan, writer, [&](std::size_t done, std::size_t) { if (done == 4) stop = true; }, &stop);
    CHECK(report.not_run > 0);
    CHECK(report.not_run <= 6);
    CHECK(writer.path() == partial);
  }
  CHECK_FALSE(fs::exists(target));  // an interrupted file never takes the final name
  REQUIRE(fs::exists(partial));
  const auto ranges = icbsim::not_run_ranges(partial);
  REQUIRE_FALSE(ranges.empty());
  std::vector<std::string> slices;
  for (const auto& [begin, end] : ranges)
    slices.push_back(run(s, "resume_slice" + std::to_string(slices.size()) + ".h5", {begin, end}).string());
  icbsim::resume_results(target.string(), partial, slices, registry());
  const auto a = icbsim::testing::datasets(whole);
  const auto b = icbsim::testing::datasets(target);
  REQUIRE(a.size() == b.size());
  for (const auto& [name, bytes] : a) {
    INFO(name);
    CHECK(b.at(name) == bytes);
  }
}

// Audit defects 13 and 14: every overlap and gap is listed with its files (not "tasks 133 to 65");
// a dataset missing from the first shard is an error, not silently dropped; another
// schema_version is refused.
TEST_CASE("merge lists every overlap and gap and refuses shards of another layout", "[io][merge]") {
  const auto s = icbsim::load_scenario_text(kScenario, "m.yaml", registry());
  const std::string a = run(s, "merge_y0.h5", {0, 4}).string();
  const std::string b = run(s, "merge_y1.h5", {2, 6}).string();
  const std::string c = run(s, "merge_y2.h5", {8, 10}).string();
  const std::string out = (fs::temp_directory_path() / "icbsim_tests" / "merge_listed.h5").string();
  try {
    icbsim::merge_results(out, {c, b, a}, registry());
    FAIL("merged overlapping shards");
  } catch (const icbsim::IoError& e) {
    const std::string message = e.what();
    INFO(message);
    CHECK(message.find("tasks 2 to 3 are in two shards ('" + a + "' and '" + b + "')") != std::string::npos);
    CHECK(message.find("tasks 6 to 7 are in no shard") != std::string::npos);
  }
  // The first shard lacks a dataset the others hold.
  const std::string d = run(s, "merge_y3.h5", {0, 5}).string();
  const std::string e = run(s, "merge_y4.h5", {5, 10}).string();
  {
    const icbsim::h5::Id f(H5Fopen(d.c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
    REQUIRE(H5Ldelete(f.get(), "/outcomes/best_response", H5P_DEFAULT) >= 0);
  }
  CHECK_THROWS_WITH(icbsim::merge_results(out, {d, e}, registry()),
                    Catch::Contains("holds other datasets than") && Catch::Contains("outcomes/best_response"));
  // A dataset nothing else reads (a sampled parameter) used to be dropped from the merge silently.
  const std::string lacking = run(s, "merge_y5.h5", {0, 5}).string();
  {
    const icbsim::h5::Id file(H5Fopen(lacking.c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
    REQUIRE(H5Ldelete(file.get(), "/parameters/antigenicity", H5P_DEFAULT) >= 0);
  }
  CHECK_THROWS_WITH(icbsim::merge_results(out, {lacking, e}, registry()),
                    Catch::Contains("holds other datasets than") && Catch::Contains("parameters/antigenicity"));
  // Another schema_version.
  {
    const icbsim::h5::Id f(H5Fopen(e.c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
    const icbsim::h5::Id attr(H5Aopen(f.get(), "schema_version", H5P_DEFAULT));
    const long long version = icbsim::kHdf5SchemaVersion + 1;
    REQUIRE(H5Awrite(attr.get(), H5T_NATIVE_LLONG, &version) >= 0);
  }
  CHECK_THROWS_WITH(icbsim::merge_results(out, {a, e}, registry()),
                    Catch::Contains("has result schema_version " + std::to_string(icbsim::kHdf5SchemaVersion + 1)));
  CHECK_FALSE(fs::exists(out));
}

// dose_records (and outcome_columns): the dose table and the outcome columns of a treated cohort
// read back with their units, enum names and the stopping rule's cancellations.
#include <catch2/catch.hpp>

#include <filesystem>

#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/h5/hdf5_handle.hpp"
#include "engine/io/results/result_reader.hpp"
#include "engine/io/results/result_writer.hpp"
#include "engine/run/runner.hpp"
#include "models/register_builtin.hpp"

TEST_CASE("a treated run writes its dose table and outcome columns", "[io][hdf5][doses]") {
  const auto registry = icbsim::models::builtin_registry();
  const auto s = icbsim::load_scenario_text(
      "model: nsclc_icb\nphenotypes: [b2m_loss]\npatient: {weight: 70 kg}\ntime: {end: 300 days, output_every: 7 days}\n"
      "tumour: {size: tumour_diameter}\nscans: {every: 6 weeks}\n"
      "treatment: {drugs: [{drug: pembrolizumab}], stop: confirmed_progression}\n",
      "d.yaml", registry);
  const auto path = std::filesystem::temp_directory_path() / "icbsim_tests" / "doses.h5";
  std::filesystem::create_directories(path.parent_path());
  const icbsim::Plan plan(s);
  {
    icbsim::Hdf5ResultWriter writer(path.string(), s, plan);
    icbsim::run_plan(s, plan, writer);
  }
  icbsim::h5::Id f = icbsim::h5::open_file_read(path.string());
  const auto time = icbsim::h5::read_doubles(f.get(), "/doses/time");
  REQUIRE(time.size() == plan.planned_doses(0));  // 15 doses q3w before day 300
  CHECK(time.size() == 15);
  CHECK(icbsim::h5::read_enum_names(f.get(), "/doses/drug").front() == "pembrolizumab");
  const auto given = icbsim::h5::read_enum_names(f.get(), "/doses/given");
  // b2m_loss progresses early and treatment stops at the confirming scan: later doses not given.
  CHECK(given.front() == "TRUE");
  CHECK(given.back() == "FALSE");
  const auto contents = icbsim::read_result_file(path.string());
  const auto* best = contents.outcome("best_response");
  REQUIRE(best);
  CHECK(best->names.size() == 1);
  const auto* pfs = contents.outcome("pfs_days");
  REQUIRE(pfs);
  CHECK(pfs->unit == "day");
  CHECK(contents.outcome("sitc_class")->names.front() == "primary_resistance");
}

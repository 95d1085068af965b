// engine/io/h5/output_target: what an output path holds, which replacements are allowed, and the
// lock that keeps a second writer of a target out.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "engine/core/errors.hpp"
#include "engine/io/h5/complete_file.hpp"
#include "engine/io/h5/hdf5_handle.hpp"
#include "engine/io/h5/output_target.hpp"
#include "tests/support/text_files.hpp"

namespace fs = std::filesystem;
using namespace icbsim;

TEST_CASE("output paths are inspected and replaced only as permitted", "[io][h5][safe-output]") {
  const fs::path dir = testing::fresh_folder("icbsim_output_target", "inspect");
  const std::string missing = (dir / "new.h5").string();
  CHECK(inspect_output(missing).kind == ExistingOutput::kMissing);
  CHECK_NOTHROW(check_replaceable(missing, {}));

  const std::string text = (dir / "notes.txt").string();
  std::ofstream(text) << "notes\n";
  CHECK(inspect_output(text).kind == ExistingOutput::kOtherFile);
  CHECK_THROWS_WITH(check_replaceable(text, {true, false}), Catch::Contains("is not an icbsim output"));
  CHECK_NOTHROW(check_replaceable(text, {false, true}));

  const std::string foreign = (dir / "foreign.h5").string();
  { h5::Id f = h5::create_file(foreign); }
  CHECK(inspect_output(foreign).description.find("HDF5 file icbsim did not write") != std::string::npos);
  CHECK_THROWS_AS(check_replaceable(foreign, {true, false}), ScenarioError);

  const std::string ours = (dir / "ours.h5").string();
  {
    h5::Id f = h5::create_file(ours);
    h5::set_attribute(f.get(), "icbsim_version", std::string("test"));
  }
  CHECK(inspect_output(ours).kind == ExistingOutput::kIcbsimFile);
  CHECK_NOTHROW(check_replaceable(ours, {true, false}));  // typed: an icbsim file may be replaced
  CHECK_THROWS_WITH(check_replaceable(ours, {false, false}), Catch::Contains("already holds a file written by icbsim"));

  CHECK(inspect_output(dir.string()).kind == ExistingOutput::kNotAFile);
  CHECK_THROWS_WITH(check_replaceable(dir.string(), {true, true}), Catch::Contains("a folder"));
  const std::string pipe = (dir / "pipe").string();
  REQUIRE(::mkfifo(pipe.c_str(), 0644) == 0);
  CHECK_THROWS_WITH(refuse_non_regular(pipe), Catch::Contains("a named pipe"));
}

TEST_CASE("a locked target refuses a second lock until the first is released", "[io][h5][safe-output]") {
  const fs::path dir = testing::fresh_folder("icbsim_output_target", "lock");
  const std::string target = (dir / "c.h5").string();
  {
    const OutputLock first(target);
    CHECK(fs::exists(lock_path(target)));
    CHECK_THROWS_WITH(OutputLock(target), Catch::Contains("is being written by another icbsim process (pid "));
    // write_complete_file takes the same lock: a second writer never truncates the first's file.
    CHECK_THROWS_AS(write_complete_file(target, [](const std::string&) {}), ScenarioError);
  }
  CHECK_FALSE(fs::exists(lock_path(target)));
  CHECK_NOTHROW(OutputLock(target));
}

TEST_CASE("a write that leaves no readable HDF5 file is never renamed into place", "[io][h5][safe-output]") {
  const fs::path dir = testing::fresh_folder("icbsim_output_target", "complete");
  const std::string target = (dir / "c.h5").string();
  std::ofstream(target) << "the earlier file\n";
  // A writer that "succeeds" but leaves a truncated file (as a full disk does when HDF5 flushes
  // its metadata on close) is caught by the read-back check.
  CHECK_THROWS_AS(
      write_complete_file(target, [](const std::string& temporary) { std::ofstream(temporary) << "\x89HDF"; }),
      IoError);
  CHECK(testing::read_text(target) == "the earlier file\n");
  CHECK_FALSE(fs::exists(partial_path(target)));
  write_complete_file(target, [](const std::string& temporary) { h5::Id f = h5::create_file(temporary); });
  CHECK(inspect_output(target).description.find("HDF5") != std::string::npos);
}

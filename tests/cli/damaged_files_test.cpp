// The damaged-file catalogue of docs/safe-outputs.md: each reader behind summary, merge, --resume,
// --from-checkpoint and branch meets a truncated file, random bytes, another schema version,
// another scenario and a shard given twice, and must end with the listed exit code and message.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "engine/io/h5/hdf5_handle.hpp"
#include "tests/support/run_icbsim.hpp"
#include "tests/support/text_files.hpp"

namespace fs = std::filesystem;

namespace {
using icbsim::testing::read_text;
using icbsim::testing::run_icbsim;

/// A copy of `from` cut to half its bytes.
void truncated_copy(const fs::path& from, const fs::path& to) {
  const std::string bytes = read_text(from);
  std::ofstream(to, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
}

/// 64 KiB of random bytes (fixed seed).
void random_bytes(const fs::path& to) {
  std::mt19937 generator(19);
  std::string bytes(65536, '\0');
  for (char& c : bytes) c = static_cast<char>(generator() & 0xff);
  std::ofstream(to, std::ios::binary) << bytes;
}

/// A copy of `from` whose integer root attribute `name` says `version`.
void other_version(const fs::path& from, const fs::path& to, const char* name, long long version) {
  fs::copy_file(from, to, fs::copy_options::overwrite_existing);
  const icbsim::h5::Id file(H5Fopen(to.c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
  REQUIRE(file.get() >= 0);
  const icbsim::h5::Id attr(H5Aopen(file.get(), name, H5P_DEFAULT));
  REQUIRE(attr.get() >= 0);
  REQUIRE(H5Awrite(attr.get(), H5T_NATIVE_LLONG, &version) >= 0);
}

struct Row {
  std::string reader, damage, command;
  int exit_code;
  std::string message;
};
}  // namespace

TEST_CASE("every reader meets the damaged-file catalogue with its exit code and message", "[cli][damaged]") {
  const fs::path dir = icbsim::testing::fresh_folder("icbsim_damaged", "catalogue");
  const std::string source = ICBSIM_SOURCE_DIR;
  const fs::path cohort = dir / "cohort.yaml";
  std::ofstream(cohort) << read_text(source + "/tests/data/kuznetsov_cohort.yaml");
  const fs::path other = dir / "other.yaml";
  std::ofstream(other) << read_text(cohort) << "description: another cohort\n";
  const std::string c = cohort.string(), d = dir.string() + "/";
  REQUIRE(run_icbsim("run -q " + c + " -o " + d + "good.h5").exit_code == 0);
  REQUIRE(run_icbsim("run -q " + c + " --shard 0/2 -o " + d + "s0.h5").exit_code == 0);
  REQUIRE(run_icbsim("run -q " + c + " --shard 1/2 -o " + d + "s1.h5").exit_code == 0);
  REQUIRE(run_icbsim("run -q " + other.string() + " --shard 1/2 -o " + d + "other_s1.h5").exit_code == 0);
  truncated_copy(dir / "good.h5", dir / "truncated.h5");
  random_bytes(dir / "random.h5");
  other_version(dir / "good.h5", dir / "schema2.h5", "schema_version", 99);
  truncated_copy(dir / "s1.h5", dir / "s1_truncated.h5");
  other_version(dir / "s1.h5", dir / "s1_schema2.h5", "schema_version", 99);
  // Interrupted files for --resume: OUT.interrupted.h5 beside each OUT.
  truncated_copy(dir / "good.h5", dir / "rt.interrupted.h5");
  random_bytes(dir / "rr.interrupted.h5");
  other_version(dir / "good.h5", dir / "rs.interrupted.h5", "schema_version", 99);
  fs::copy_file(dir / "good.h5", dir / "ro.interrupted.h5");
  // Checkpoints.
  const std::string nsclc = source + "/tests/data/checkpoints/nsclc_pembrolizumab.yaml";
  const std::string branches = source + "/tests/data/checkpoints/branches.yaml";
  REQUIRE(run_icbsim("checkpoint -q " + nsclc + " --at '12 weeks' -o " + d + "ckpt.h5").exit_code == 0);
  truncated_copy(dir / "ckpt.h5", dir / "ckpt_truncated.h5");
  random_bytes(dir / "ckpt_random.h5");
  other_version(dir / "ckpt.h5", dir / "ckpt_schema2.h5", "icbsim_checkpoint", 2);
  const fs::path nsclc_other = dir / "nsclc_other.yaml";
  std::ofstream(nsclc_other) << read_text(nsclc) << "description: another patient\n";

  const std::vector<Row> rows = {
      {"summary", "truncated", "summary " + d + "truncated.h5", 3,
       "is not an icbsim result file: it is an unreadable HDF5 file"},
      {"summary", "random bytes", "summary " + d + "random.h5", 3,
       "is not an icbsim result file: it is a file icbsim did not write"},
      {"summary", "other schema", "summary " + d + "schema2.h5", 3,
       "has result schema_version 99; this icbsim reads versions 1 to"},
      {"merge", "truncated", "merge " + d + "m1.h5 " + d + "s0.h5 " + d + "s1_truncated.h5", 3,
       "is not an icbsim result file: it is an unreadable HDF5 file"},
      {"merge", "random bytes", "merge " + d + "m2.h5 " + d + "s0.h5 " + d + "random.h5", 3,
       "is not an icbsim result file: it is a file icbsim did not write"},
      {"merge", "other schema", "merge " + d + "m3.h5 " + d + "s0.h5 " + d + "s1_schema2.h5", 3,
       "has result schema_version 99"},
      {"merge", "other scenario", "merge " + d + "m4.h5 " + d + "s0.h5 " + d + "other_s1.h5", 3,
       "is a slice of a different scenario than"},
      {"merge", "shard twice", "merge " + d + "m5.h5 " + d + "s0.h5 " + d + "s1.h5 " + d + "s1.h5", 3,
       "are in two shards"},
      {"--resume", "truncated", "run -q " + c + " -o " + d + "rt.h5 --resume", 3,
       "is not an icbsim result file: it is an unreadable HDF5 file"},
      {"--resume", "random bytes", "run -q " + c + " -o " + d + "rr.h5 --resume", 3,
       "is not an icbsim result file: it is a file icbsim did not write"},
      {"--resume", "other schema", "run -q " + c + " -o " + d + "rs.h5 --resume", 3, "has result schema_version 99"},
      {"--resume", "other scenario", "run -q " + other.string() + " -o " + d + "ro.h5 --resume", 2,
       "the scenario changed since"},
      {"--from-checkpoint", "truncated", "run -q --from-checkpoint " + d + "ckpt_truncated.h5 -o " + d + "x1.h5", 3,
       "is not an icbsim checkpoint file: it is an unreadable HDF5 file"},
      {"--from-checkpoint", "random bytes", "run -q --from-checkpoint " + d + "ckpt_random.h5 -o " + d + "x2.h5", 3,
       "is not an icbsim checkpoint file: it is a file icbsim did not write"},
      {"--from-checkpoint", "other schema", "run -q --from-checkpoint " + d + "ckpt_schema2.h5 -o " + d + "x3.h5", 3,
       "is a checkpoint of layout version 2"},
      {"--from-checkpoint", "other scenario",
       "run -q " + nsclc_other.string() + " --from-checkpoint " + d + "ckpt.h5 -o " + d + "x4.h5", 2,
       "was taken from another scenario"},
      {"branch", "truncated", "branch -q " + d + "ckpt_truncated.h5 " + branches + " -o " + d + "b1.h5", 3,
       "is not an icbsim checkpoint file: it is an unreadable HDF5 file"},
      {"branch", "random bytes", "branch -q " + d + "ckpt_random.h5 " + branches + " -o " + d + "b2.h5", 3,
       "is not an icbsim checkpoint file: it is a file icbsim did not write"},
      {"branch", "other schema", "branch -q " + d + "ckpt_schema2.h5 " + branches + " -o " + d + "b3.h5", 3,
       "is a checkpoint of layout version 2"},
      {"branch", "a result, not a checkpoint", "branch -q " + d + "good.h5 " + branches + " -o " + d + "b4.h5", 3,
       "is not an icbsim checkpoint file"},
  };
  for (const Row& row : rows) {
    const auto result = run_icbsim(row.command);
    INFO(row.reader << " / " << row.damage << ": " << row.command << "\n" << result.output);
    CHECK(result.exit_code == row.exit_code);
    CHECK(result.output.find(row.message) != std::string::npos);
  }
  // No reader left an output behind.
  for (const char* name : {"m1.h5", "m2.h5", "m3.h5", "m4.h5", "m5.h5", "rt.h5", "rr.h5", "rs.h5", "ro.h5", "x1.h5",
                           "x2.h5", "x3.h5", "x4.h5", "b1.h5", "b2.h5", "b3.h5", "b4.h5"})
    CHECK_FALSE(fs::exists(dir / name));
}

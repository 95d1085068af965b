// engine/io/h5 list_group and list_objects on damaged files: a damaged link is an IoError, never a
// crash inside HDF5 (found by fuzz/result_reader_fuzzer.cpp).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "engine/core/errors.hpp"
#include "engine/io/h5/hdf5_handle.hpp"
#include "engine/io/h5/object_list.hpp"
#include "tests/support/text_files.hpp"

namespace fs = std::filesystem;

namespace {
/// A file whose group "g" holds 17 groups: more than 8 links, so HDF5 keeps them in a fractal heap
/// (dense link storage) like the /outcomes group of a result file.
fs::path dense_group_file(const std::string& name) {
  const fs::path dir = icbsim::testing::fresh_folder("icbsim_group_listing", name);
  const fs::path path = dir / "dense.h5";
  const icbsim::h5::Id file = icbsim::h5::create_file(path.string());
  const icbsim::h5::Id group = icbsim::h5::create_group(file.get(), "g");
  for (int i = 0; i < 17; ++i) (void)icbsim::h5::create_group(group.get(), "member_" + std::to_string(i));
  return path;
}
}  // namespace

TEST_CASE("groups are listed in creation order", "[io][h5]") {
  const fs::path path = dense_group_file("intact");
  const icbsim::h5::Id file = icbsim::h5::open_file_read(path.string());
  const auto names = icbsim::h5::list_group(file.get(), "g");
  REQUIRE(names.size() == 17);
  for (int i = 0; i < 17; ++i) CHECK(names[static_cast<std::size_t>(i)] == "member_" + std::to_string(i));
  const auto objects = icbsim::h5::list_objects(file.get());
  REQUIRE(objects.size() == 18);
  CHECK(objects[0].first == "g");
  CHECK(objects[1].first == "g/member_0");
  CHECK(objects[17].first == "g/member_16");
}

// One changed byte inside the heap block that holds the links (its checksum no longer matches).
// HDF5 1.10 listing in increasing order copies the links into a table first and, when a link
// cannot be read, frees the table's uninitialised entries: a crash (SIGSEGV under AddressSanitizer
// or MALLOC_PERTURB_). Listed in native order it reports the error.
TEST_CASE("a damaged link heap is an I/O error when a group is listed", "[io][h5][damaged]") {
  const fs::path path = dense_group_file("damaged");
  std::string bytes = icbsim::testing::read_text(path);
  const std::size_t block = bytes.find("FHDB");  // the fractal heap's first direct block
  REQUIRE(block != std::string::npos);
  const std::size_t name = bytes.find("member_", block);  // a link's name inside the block
  REQUIRE(name != std::string::npos);
  bytes[name] = 'X';
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  const icbsim::h5::Id file = icbsim::h5::open_file_read(path.string());
  CHECK_THROWS_AS(icbsim::h5::list_group(file.get(), "g"), icbsim::IoError);
  CHECK_THROWS_AS(icbsim::h5::list_objects(file.get()), icbsim::IoError);
}

// engine/io/h5/checked_driver: files read through it give what sec2 gives, and a global heap
// collection HDF5 would decode forever or past its end (found by fuzz/result_reader_fuzzer.cpp) is
// an IoError.
#include "engine/io/h5/checked_driver.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "engine/core/errors.hpp"
#include "engine/io/h5/hdf5_handle.hpp"
#include "tests/support/text_files.hpp"

namespace fs = std::filesystem;

namespace {
/// Little-endian bytes of `value` written at `at`.
void put(std::string& bytes, std::size_t at, std::uint64_t value, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) bytes[at + i] = static_cast<char>((value >> (8 * i)) & 0xff);
}
std::uint64_t get(const std::string& bytes, std::size_t at, std::size_t n) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < n; ++i)
    v |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
  return v;
}
/// A 4096-byte collection holding one 5-byte object, then its free space (object 0).
std::string collection(std::uint64_t free_size) {
  std::string c(4096, '\0');
  c.replace(0, 4, "GCOL");
  c[4] = 1;
  put(c, 8, 4096, 8);
  put(c, 16, 1, 2);  // object 1
  put(c, 24, 5, 8);  // 5 bytes, padded to 8
  put(c, 40, 0, 2);  // object 0: the free space
  put(c, 48, free_size, 8);
  return c;
}
bool decodable(const std::string& c) {
  return icbsim::h5::global_heap_decodable(reinterpret_cast<const unsigned char*>(c.data()), c.size());
}
}  // namespace

TEST_CASE("a global heap collection is decodable only when every object advances and fits", "[io][h5][damaged]") {
  CHECK(decodable(collection(4096 - 40)));
  CHECK_FALSE(decodable(collection(0)));  // HDF5 would stay on this entry forever
  CHECK(decodable(std::string("not a collection")));
  std::string overrun = collection(4096 - 40);
  put(overrun, 24, 5000, 8);  // object 1 would reach past the collection's 4096 bytes
  CHECK_FALSE(decodable(overrun));
  // Read only in part (HDF5 first reads 4096 bytes of a larger collection): judged when whole.
  std::string large = collection(0);
  put(large, 8, 8192, 8);
  CHECK_FALSE(decodable(large));
  CHECK(icbsim::h5::global_heap_decodable(reinterpret_cast<const unsigned char*>(large.data()), 40));
}

TEST_CASE("a string attribute in a damaged global heap is an I/O error instead of a hang", "[io][h5][damaged]") {
  const fs::path dir = icbsim::testing::fresh_folder("icbsim_checked_driver", "heap");
  const fs::path path = dir / "text.h5";
  {
    const icbsim::h5::Id file = icbsim::h5::create_file(path.string());
    icbsim::h5::set_attribute(file.get(), "note", std::string("kept in the global heap"));
  }
  {
    const icbsim::h5::Id file = icbsim::h5::open_file_read(path.string());
    CHECK(icbsim::h5::read_string_attribute(file.get(), "note") == "kept in the global heap");
  }
  // Walk the collection's objects to its free space (object 0) and set that entry's size to 0.
  std::string bytes = icbsim::testing::read_text(path);
  const std::size_t start = bytes.find("GCOL");
  REQUIRE(start != std::string::npos);
  const std::size_t end = start + get(bytes, start + 8, 8);
  std::size_t at = start + 16;
  while (at + 16 <= end && get(bytes, at, 2) != 0) at += 16 + (get(bytes, at + 8, 8) + 7) / 8 * 8;
  REQUIRE(at + 16 <= end);
  put(bytes, at + 8, 0, 8);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  const icbsim::h5::Id file = icbsim::h5::open_file_read(path.string());
  CHECK_THROWS_AS(icbsim::h5::read_string_attribute(file.get(), "note"), icbsim::IoError);
}

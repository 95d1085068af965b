// engine/io/h5/chunk_writer and blocked_column: chunks encoded outside HDF5 are the bytes HDF5's
// own shuffle and deflate filters store, for whole and edge chunks, 1-D and 2-D, split rows and
// narrowed floats; rows put in any order read back unchanged.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "engine/io/h5/blocked_column.hpp"
#include "engine/io/h5/chunk_writer.hpp"
#include "engine/io/h5/hdf5_handle.hpp"

namespace fs = std::filesystem;
using namespace icbsim;

namespace {

fs::path folder() {
  const fs::path dir = fs::temp_directory_path() / "icbsim_tests" / "chunk_writer";
  fs::create_directories(dir);
  return dir;
}

/// The stored bytes of every chunk of a dataset, in chunk order.
std::vector<std::vector<unsigned char>> raw_chunks(hid_t dataset) {
  hsize_t n = 0;
  const h5::Id space(H5Dget_space(dataset));
  REQUIRE(H5Dget_num_chunks(dataset, space.get(), &n) >= 0);
  std::vector<std::vector<unsigned char>> chunks;
  for (hsize_t i = 0; i < n; ++i) {
    hsize_t offset[2] = {0, 0};
    unsigned mask = 0;
    haddr_t address = 0;
    hsize_t size = 0;
    REQUIRE(H5Dget_chunk_info(dataset, space.get(), i, offset, &mask, &address, &size) >= 0);
    std::vector<unsigned char> bytes(size);
    std::uint32_t filters = 0;
    REQUIRE(H5Dread_chunk(dataset, H5P_DEFAULT, offset, &filters, bytes.data()) >= 0);
    chunks.push_back(std::move(bytes));
  }
  return chunks;
}

}  // namespace

TEST_CASE("chunks encoded outside HDF5 equal HDF5's own filtered chunks and read back", "[io][h5][chunks]") {
  const std::size_t rows = 300;  // one whole block of 256 rows and an edge block of 44
  for (const h5::DatasetFilters filters :
       {h5::DatasetFilters{false, -1}, h5::DatasetFilters{true, -1}, h5::DatasetFilters{true, 1},
        h5::DatasetFilters{true, 4}, h5::DatasetFilters{false, 6}}) {
    for (const std::size_t width :
         {std::size_t{1}, std::size_t{731}, std::size_t{5000}}) {  // 5000: rows split in two chunks
      INFO("shuffle " << filters.shuffle << ", deflate " << filters.deflate << ", width " << width);
      std::vector<double> values(rows * width);
      std::mt19937_64 rng(7);
      std::lognormal_distribution<double> draw(0.0, 2.0);
      for (double& v : values) v = draw(rng);
      const fs::path path = folder() / "chunks.h5";
      h5::Id file = h5::create_file(path.string());
      const hsize_t dims2[2] = {rows, width};
      const hsize_t dims1[1] = {rows};
      const std::span<const hsize_t> dims =
          width == 1 ? std::span<const hsize_t>(dims1) : std::span<const hsize_t>(dims2);
      // Reference: HDF5 filters the same values itself.
      h5::Id reference = h5::create_dataset(file.get(), "reference", H5T_IEEE_F64LE, dims, filters);
      h5::write_rows(reference.get(), H5T_NATIVE_DOUBLE, 0, rows, width, values.data());
      h5::Id single = h5::create_dataset(file.get(), "single_reference", H5T_IEEE_F32LE, dims, filters);
      h5::write_rows(single.get(), H5T_NATIVE_DOUBLE, 0, rows, width, values.data());
      // Ours: rows put in a shuffled order, blocks queued and drained.
      std::mutex hdf5;
      h5::ChunkQueue queue(hdf5);
      BlockedColumn ours(h5::create_dataset(file.get(), "ours", H5T_IEEE_F64LE, dims, filters), H5T_NATIVE_DOUBLE,
                         sizeof(double), rows, width);
      BlockedColumn narrowed(h5::create_dataset(file.get(), "single", H5T_IEEE_F32LE, dims, filters), H5T_NATIVE_DOUBLE,
                             sizeof(double), rows, width);
      ours.defer_to(&queue);
      std::vector<std::size_t> order(rows);
      std::iota(order.begin(), order.end(), 0);
      std::shuffle(order.begin(), order.end(), rng);
      for (std::size_t r : order) {
        ours.put(r, values.data() + r * width);
        narrowed.put(r, values.data() + r * width);
      }
      queue.drain();
      CHECK_NOTHROW(ours.check_complete());
      CHECK(raw_chunks(ours.id()) == raw_chunks(reference.get()));
      CHECK(raw_chunks(narrowed.id()) == raw_chunks(single.get()));
      ours.close();
      narrowed.close();
      reference.reset();
      single.reset();
      file.reset();
      h5::Id read = h5::open_file_read(path.string());
      CHECK(h5::read_doubles(read.get(), "/ours") == values);
      CHECK(h5::read_doubles(read.get(), "/single") == h5::read_doubles(read.get(), "/single_reference"));
    }
  }
}

TEST_CASE("a column with a missing row reports its block", "[io][h5][chunks]") {
  h5::Id file = h5::create_file((folder() / "missing.h5").string());
  const hsize_t dims[1] = {10};
  BlockedColumn column(h5::create_dataset(file.get(), "x", H5T_IEEE_F64LE, dims), H5T_NATIVE_DOUBLE, sizeof(double), 10,
                       1);
  const double v = 1.0;
  for (std::size_t r = 0; r < 9; ++r) column.put(r, &v);
  CHECK_THROWS_AS(column.check_complete(), IoError);
  column.put(9, &v);
  CHECK_NOTHROW(column.check_complete());
}

// A thin RAII layer over the HDF5 C API: owning identifiers, and the few typed helpers icbsim
// needs (datasets of doubles, enum and string columns, attributes). Failures throw IoError.
#pragma once

#include <hdf5.h>

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/core/enum_table.hpp"
#include "engine/io/h5/chunk_rows.hpp"

namespace icbsim::h5 {

/// Owns one HDF5 identifier and closes it with the matching H5*close.
class Id {
 public:
  Id() = default;
  explicit Id(hid_t id) : id_(id) {}
  Id(const Id&) = delete;
  Id& operator=(const Id&) = delete;
  Id(Id&& other) noexcept : id_(std::exchange(other.id_, H5I_INVALID_HID)) {}
  Id& operator=(Id&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = std::exchange(other.id_, H5I_INVALID_HID);
    }
    return *this;
  }
  ~Id() { reset(); }
  hid_t get() const noexcept { return id_; }
  void reset() noexcept;

 private:
  hid_t id_ = H5I_INVALID_HID;
};

/// Checks an HDF5 return value / identifier; throws IoError with `what` when negative.
hid_t check(hid_t value, const std::string& what);

Id create_file(const std::string& path);
Id open_file_read(const std::string& path);
Id create_group(hid_t parent, const std::string& name);

/// The filters of a chunked dataset: HDF5's byte shuffle, then deflate at `deflate` (0-9; -1: none).
struct DatasetFilters {
  bool shuffle = true;
  int deflate = 4;
  bool operator==(const DatasetFilters&) const = default;
};

/// A chunked dataset of `file_type` with the given dimensions (1-D or 2-D; 2-D ones are chunked
/// in blocks of kTaskChunkRows rows), filtered as `filters` says.
Id create_dataset(hid_t parent, const std::string& name, hid_t file_type, std::span<const hsize_t> dims,
                  const DatasetFilters& filters = {});
/// The shuffle and deflate filters of a dataset (none of either when it is not chunked).
DatasetFilters filters_of(hid_t dataset);
/// A chunked dataset of doubles with the given dimensions, filtered as `filters` says.
Id create_double_dataset(hid_t parent, const std::string& name, std::span<const hsize_t> dims,
                         const DatasetFilters& filters = {});
/// Writes `rows` consecutive rows of `row_length` values from row `first` (1-D datasets: row_length 1).
void write_rows(hid_t dataset, hid_t mem_type, std::size_t first, std::size_t rows, std::size_t row_length,
                const void* data);
/// Writes `count` values of `mem_type` at row `row` of a 2-D dataset, or from element `row` of a
/// 1-D one.
void write_block(hid_t dataset, hid_t mem_type, std::size_t row, const void* data, std::size_t count);
/// A 1-D dataset of doubles, written whole.
void write_doubles(hid_t parent, const std::string& name, std::span<const double> values);
/// Writes `values` into row `row` of a 2-D dataset (or element `row` of a 1-D one).
void write_row(hid_t dataset, std::size_t row, std::span<const double> values);

/// An enum type over int8 with the given (name, value) members.
Id create_enum_type(std::span<const std::pair<std::string_view, int>> members);
/// An enum type over int8 with the members of `table` (names and values as declared there).
template <typename E, std::size_t N>
Id create_enum_type(const EnumTable<E, N>& table) {
  std::array<std::pair<std::string_view, int>, N> members;
  for (std::size_t i = 0; i < N; ++i) members[i] = {table.entries[i].second, static_cast<int>(table.entries[i].first)};
  return create_enum_type(std::span<const std::pair<std::string_view, int>>(members));
}
/// The enum type {FALSE, TRUE} over int8 that h5py reads as numpy bool.
Id create_bool_type();
/// A 1-D dataset of variable-length UTF-8 strings with n elements.
Id create_string_dataset(hid_t parent, const std::string& name, std::size_t n);
void write_string_element(hid_t dataset, std::size_t index, const std::string& value);

void set_attribute(hid_t object, const std::string& name, const std::string& value);
void set_attribute(hid_t object, const std::string& name, double value);
void set_attribute(hid_t object, const std::string& name, long long value);

/// Reading back (tests, `icbsim summary`, merging).
std::string read_string_attribute(hid_t object, const std::string& name);
double read_double_attribute(hid_t object, const std::string& name);
std::vector<double> read_doubles(hid_t file, const std::string& path, std::vector<hsize_t>* dims = nullptr);
std::vector<std::string> read_strings(hid_t file, const std::string& path);
bool exists(hid_t file, const std::string& path);

}  // namespace icbsim::h5

namespace icbsim::h5 {
/// Names of the links in a group, in creation order (groups made by create_group; by name in
/// groups that do not track it). A damaged group is an IoError.
std::vector<std::string> list_group(hid_t file, const std::string& path);
}  // namespace icbsim::h5

namespace icbsim::h5 {
/// The member names of every element of an enum dataset (any rank, row-major).
std::vector<std::string> read_enum_names(hid_t file, const std::string& path);
}  // namespace icbsim::h5

namespace icbsim::h5 {
/// The dimensions of a dataset.
std::vector<hsize_t> dataset_dims(hid_t file, const std::string& path);
}  // namespace icbsim::h5

namespace icbsim::h5 {
/// The integer codes of every element of an 8-bit enum dataset.
std::vector<int> read_enum_codes(hid_t file, const std::string& path);
}  // namespace icbsim::h5

// HDF5 C API wrappers: identifiers, datasets, attributes.
#include "engine/io/h5/hdf5_handle.hpp"

#include <algorithm>
#include <cstdint>

#include "engine/core/errors.hpp"
#include "engine/io/h5/checked_driver.hpp"

namespace icbsim::h5 {

void Id::reset() noexcept {
  if (id_ < 0) return;
  switch (H5Iget_type(id_)) {
    case H5I_FILE: H5Fclose(id_); break;
    case H5I_GROUP: H5Gclose(id_); break;
    case H5I_DATASET: H5Dclose(id_); break;
    case H5I_DATASPACE: H5Sclose(id_); break;
    case H5I_DATATYPE: H5Tclose(id_); break;
    case H5I_ATTR: H5Aclose(id_); break;
    case H5I_GENPROP_LST: H5Pclose(id_); break;
    default: break;
  }
  id_ = H5I_INVALID_HID;
}

hid_t check(hid_t value, const std::string& what) {
  if (value < 0) throw IoError("HDF5: " + what + " failed");
  return value;
}

namespace {
struct SilenceErrors {  // HDF5 prints its own error stack by default; we report our own messages
  SilenceErrors() { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); }
};
void silence() { static const SilenceErrors once; }
}  // namespace

Id create_file(const std::string& path) {
  silence();
  return Id(check(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), "creating file '" + path + "'"));
}

Id open_file_read(const std::string& path) {
  silence();
  const Id access(check(checked_read_access(), "file access properties"));
  return Id(check(H5Fopen(path.c_str(), H5F_ACC_RDONLY, access.get()), "opening file '" + path + "'"));
}

Id create_group(hid_t parent, const std::string& name) {
  // Creation order is tracked so readers list datasets in declaration order.
  Id props(check(H5Pcreate(H5P_GROUP_CREATE), "group properties"));
  check(H5Pset_link_creation_order(props.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED), "creation order");
  return Id(check(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, props.get(), H5P_DEFAULT), "creating group " + name));
}

Id create_dataset(hid_t parent, const std::string& name, hid_t file_type, std::span<const hsize_t> dims,
                  const DatasetFilters& filters) {
  const int rank = static_cast<int>(dims.size());
  Id space(check(H5Screate_simple(rank, dims.data(), nullptr), "dataspace of " + name));
  Id props(check(H5Pcreate(H5P_DATASET_CREATE), "properties of " + name));
  std::vector<hsize_t> chunk(dims.begin(), dims.end());
  // Rows are written one task at a time: a chunk holds one row (split when very long).
  constexpr hsize_t kMaxChunkElements = 1 << 16;
  // Task-indexed datasets are written in blocks of 256 rows: a chunk holds one block (narrowed
  // for very long rows so that a chunk stays near 2^20 values).
  if (rank == 2) {
    chunk[0] = std::clamp<hsize_t>(dims[0], 1, kTaskChunkRows);
    chunk[1] = std::clamp<hsize_t>(dims[1], 1, std::max<hsize_t>(1, (kMaxChunkElements << 4) / chunk[0]));
  } else {
    chunk[0] = std::clamp<hsize_t>(dims[0], 1, 4096);
  }
  bool nonempty = true;
  for (hsize_t d : dims) nonempty = nonempty && d > 0;
  if (nonempty) {
    check(H5Pset_chunk(props.get(), rank, chunk.data()), "chunking " + name);
    if (filters.shuffle) check(H5Pset_shuffle(props.get()), "shuffle filter " + name);
    if (filters.deflate >= 0)
      check(H5Pset_deflate(props.get(), static_cast<unsigned>(filters.deflate)), "deflate filter " + name);
  }
  return Id(check(H5Dcreate2(parent, name.c_str(), file_type, space.get(), H5P_DEFAULT, props.get(), H5P_DEFAULT),
                  "creating dataset " + name));
}

Id create_double_dataset(hid_t parent, const std::string& name, std::span<const hsize_t> dims,
                         const DatasetFilters& filters) {
  return create_dataset(parent, name, H5T_IEEE_F64LE, dims, filters);
}

DatasetFilters filters_of(hid_t dataset) {
  DatasetFilters f{false, -1};
  Id props(check(H5Dget_create_plist(dataset), "dataset properties"));
  const int n = H5Pget_nfilters(props.get());
  for (int i = 0; i < n; ++i) {
    unsigned flags = 0, config = 0;
    std::size_t n_values = 1;
    unsigned values[1] = {0};
    const H5Z_filter_t id =
        H5Pget_filter2(props.get(), static_cast<unsigned>(i), &flags, &n_values, values, 0, nullptr, &config);
    if (id == H5Z_FILTER_SHUFFLE) f.shuffle = true;
    if (id == H5Z_FILTER_DEFLATE) f.deflate = n_values > 0 ? static_cast<int>(values[0]) : 6;
  }
  return f;
}

void write_doubles(hid_t parent, const std::string& name, std::span<const double> values) {
  const hsize_t dims[1] = {values.size()};
  Id ds = create_double_dataset(parent, name, dims);
  if (!values.empty())
    check(H5Dwrite(ds.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()), "writing " + name);
}

void write_block(hid_t dataset, hid_t mem_type, std::size_t row, const void* data, std::size_t count) {
  if (count == 0) return;
  Id file_space(check(H5Dget_space(dataset), "dataset space"));
  const int rank = H5Sget_simple_extent_ndims(file_space.get());
  hsize_t start[2] = {row, 0};
  hsize_t n[2] = {1, count};
  if (rank == 1) n[0] = count;
  check(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start, nullptr, n, nullptr), "row selection");
  const hsize_t mem_dims[1] = {count};
  Id mem_space(check(H5Screate_simple(1, mem_dims, nullptr), "memory space"));
  check(H5Dwrite(dataset, mem_type, mem_space.get(), file_space.get(), H5P_DEFAULT, data), "writing a row");
}

void write_rows(hid_t dataset, hid_t mem_type, std::size_t first, std::size_t rows, std::size_t row_length,
                const void* data) {
  if (rows == 0 || row_length == 0) return;
  Id file_space(check(H5Dget_space(dataset), "dataset space"));
  const int rank = H5Sget_simple_extent_ndims(file_space.get());
  hsize_t start[2] = {first, 0};
  hsize_t n[2] = {rows, row_length};
  check(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start, nullptr, n, nullptr), "block selection");
  const hsize_t mem_dims[1] = {rows * (rank == 2 ? row_length : 1)};
  Id mem_space(check(H5Screate_simple(1, mem_dims, nullptr), "memory space"));
  check(H5Dwrite(dataset, mem_type, mem_space.get(), file_space.get(), H5P_DEFAULT, data), "writing a block of rows");
}

void write_row(hid_t dataset, std::size_t row, std::span<const double> values) {
  write_block(dataset, H5T_NATIVE_DOUBLE, row, values.data(), values.size());
}

Id create_enum_type(std::span<const std::pair<std::string_view, int>> members) {
  Id type(check(H5Tenum_create(H5T_NATIVE_INT8), "enum type"));
  for (const auto& [name, value] : members) {
    const auto v = static_cast<signed char>(value);
    check(H5Tenum_insert(type.get(), std::string(name).c_str(), &v), "enum member");
  }
  return type;
}

Id create_bool_type() {
  constexpr std::pair<std::string_view, int> kMembers[] = {{"FALSE", 0}, {"TRUE", 1}};
  return create_enum_type(kMembers);
}

namespace {
Id string_type() {
  Id type(check(H5Tcopy(H5T_C_S1), "string type"));
  check(H5Tset_size(type.get(), H5T_VARIABLE), "string size");
  check(H5Tset_cset(type.get(), H5T_CSET_UTF8), "string charset");
  return type;
}
}  // namespace

Id create_string_dataset(hid_t parent, const std::string& name, std::size_t n) {
  const hsize_t dims[1] = {n};
  Id space(check(H5Screate_simple(1, dims, nullptr), "dataspace of " + name));
  Id type = string_type();
  return Id(check(H5Dcreate2(parent, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                  "creating dataset " + name));
}

void write_string_element(hid_t dataset, std::size_t index, const std::string& value) {
  Id file_space(check(H5Dget_space(dataset), "dataset space"));
  const hsize_t start[1] = {index};
  const hsize_t count[1] = {1};
  check(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start, nullptr, count, nullptr), "element selection");
  Id mem_space(check(H5Screate_simple(1, count, nullptr), "memory space"));
  Id type = string_type();
  const char* p = value.c_str();
  check(H5Dwrite(dataset, type.get(), mem_space.get(), file_space.get(), H5P_DEFAULT, &p), "writing a string element");
}

void set_attribute(hid_t object, const std::string& name, const std::string& value) {
  Id type = string_type();
  Id space(check(H5Screate(H5S_SCALAR), "scalar space"));
  Id attr(check(H5Acreate2(object, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT), "attribute " + name));
  const char* p = value.c_str();
  check(H5Awrite(attr.get(), type.get(), &p), "writing attribute " + name);
}

void set_attribute(hid_t object, const std::string& name, double value) {
  Id space(check(H5Screate(H5S_SCALAR), "scalar space"));
  Id attr(check(H5Acreate2(object, name.c_str(), H5T_IEEE_F64LE, space.get(), H5P_DEFAULT, H5P_DEFAULT), "attribute " + name));
  check(H5Awrite(attr.get(), H5T_NATIVE_DOUBLE, &value), "writing attribute " + name);
}

void set_attribute(hid_t object, const std::string& name, long long value) {
  Id space(check(H5Screate(H5S_SCALAR), "scalar space"));
  Id attr(check(H5Acreate2(object, name.c_str(), H5T_STD_I64LE, space.get(), H5P_DEFAULT, H5P_DEFAULT), "attribute " + name));
  check(H5Awrite(attr.get(), H5T_NATIVE_LLONG, &value), "writing attribute " + name);
}

std::string read_string_attribute(hid_t object, const std::string& name) {
  Id attr(check(H5Aopen(object, name.c_str(), H5P_DEFAULT), "opening attribute " + name));
  Id type = string_type();
  char* p = nullptr;
  check(H5Aread(attr.get(), type.get(), &p), "reading attribute " + name);
  std::string value = p ? p : "";
  H5free_memory(p);
  return value;
}

double read_double_attribute(hid_t object, const std::string& name) {
  Id attr(check(H5Aopen(object, name.c_str(), H5P_DEFAULT), "opening attribute " + name));
  double v = 0;
  check(H5Aread(attr.get(), H5T_NATIVE_DOUBLE, &v), "reading attribute " + name);
  return v;
}

std::vector<double> read_doubles(hid_t file, const std::string& path, std::vector<hsize_t>* dims) {
  Id ds(check(H5Dopen2(file, path.c_str(), H5P_DEFAULT), "opening dataset " + path));
  Id space(check(H5Dget_space(ds.get()), "dataset space"));
  const int rank = H5Sget_simple_extent_ndims(space.get());
  std::vector<hsize_t> d(static_cast<std::size_t>(std::max(rank, 0)));
  H5Sget_simple_extent_dims(space.get(), d.data(), nullptr);
  hsize_t n = 1;
  for (hsize_t x : d) n *= x;
  std::vector<double> values(n);
  if (n > 0)
    check(H5Dread(ds.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()), "reading " + path);
  if (dims) *dims = d;
  return values;
}

std::vector<std::string> read_strings(hid_t file, const std::string& path) {
  Id ds(check(H5Dopen2(file, path.c_str(), H5P_DEFAULT), "opening dataset " + path));
  Id space(check(H5Dget_space(ds.get()), "dataset space"));
  const auto n = static_cast<std::size_t>(H5Sget_simple_extent_npoints(space.get()));
  std::vector<char*> raw(n, nullptr);
  Id type = string_type();
  if (n > 0) check(H5Dread(ds.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, raw.data()), "reading " + path);
  std::vector<std::string> out;
  for (char* p : raw) {
    out.emplace_back(p ? p : "");
    H5free_memory(p);
  }
  return out;
}

bool exists(hid_t file, const std::string& path) {
  // Check each link along the path, as H5Lexists requires.
  std::size_t pos = 0;
  while ((pos = path.find('/', pos + 1)) != std::string::npos)
    if (H5Lexists(file, path.substr(0, pos).c_str(), H5P_DEFAULT) <= 0) return false;
  return H5Lexists(file, path.c_str(), H5P_DEFAULT) > 0;
}

}  // namespace icbsim::h5

namespace icbsim::h5 {
namespace {
struct Link {
  bool has_order;
  std::int64_t order;
  std::string name;
};
herr_t collect_link(hid_t, const char* name, const H5L_info_t* info, void* out) {
  static_cast<std::vector<Link>*>(out)->push_back({info->corder_valid > 0, info->corder, name});
  return 0;
}
}  // namespace

std::vector<std::string> list_group(hid_t file, const std::string& path) {
  Id group(check(H5Gopen2(file, path.c_str(), H5P_DEFAULT), "opening group " + path));
  // Links are listed in HDF5's native order and sorted here. Asking HDF5 for increasing order makes
  // HDF5 1.10 copy the links into a table first, and a damaged link heap there frees uninitialised
  // table entries: a crash instead of an error.
  std::vector<Link> links;
  hsize_t index = 0;
  check(H5Literate(group.get(), H5_INDEX_NAME, H5_ITER_NATIVE, &index, collect_link, &links), "listing " + path);
  const bool ordered = std::all_of(links.begin(), links.end(), [](const Link& l) { return l.has_order; });
  std::stable_sort(links.begin(), links.end(),
                   [&](const Link& a, const Link& b) { return ordered ? a.order < b.order : a.name < b.name; });
  std::vector<std::string> names;
  names.reserve(links.size());
  for (Link& l : links) names.push_back(std::move(l.name));
  return names;
}
}  // namespace icbsim::h5

namespace icbsim::h5 {
std::vector<std::string> read_enum_names(hid_t file, const std::string& path) {
  Id ds(check(H5Dopen2(file, path.c_str(), H5P_DEFAULT), "opening dataset " + path));
  Id type(check(H5Dget_type(ds.get()), "type of " + path));
  if (H5Tget_class(type.get()) != H5T_ENUM || H5Tget_size(type.get()) != 1)
    throw IoError("HDF5: " + path + " is not an 8-bit enum dataset");
  Id space(check(H5Dget_space(ds.get()), "dataset space"));
  const auto n = static_cast<std::size_t>(H5Sget_simple_extent_npoints(space.get()));
  std::vector<signed char> codes(n);
  if (n > 0) check(H5Dread(ds.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, codes.data()), "reading " + path);
  std::vector<std::string> names;
  names.reserve(n);
  char buffer[64];
  for (signed char c : codes) {
    check(H5Tenum_nameof(type.get(), &c, buffer, sizeof buffer), "enum name in " + path);
    names.emplace_back(buffer);
  }
  return names;
}
}  // namespace icbsim::h5

namespace icbsim::h5 {
std::vector<hsize_t> dataset_dims(hid_t file, const std::string& path) {
  Id ds(check(H5Dopen2(file, path.c_str(), H5P_DEFAULT), "opening dataset " + path));
  Id space(check(H5Dget_space(ds.get()), "dataset space"));
  std::vector<hsize_t> dims(static_cast<std::size_t>(std::max(0, H5Sget_simple_extent_ndims(space.get()))));
  H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr);
  return dims;
}
}  // namespace icbsim::h5

namespace icbsim::h5 {
std::vector<int> read_enum_codes(hid_t file, const std::string& path) {
  Id ds(check(H5Dopen2(file, path.c_str(), H5P_DEFAULT), "opening dataset " + path));
  Id type(check(H5Dget_type(ds.get()), "type of " + path));
  if (H5Tget_class(type.get()) != H5T_ENUM || H5Tget_size(type.get()) != 1)
    throw IoError("HDF5: " + path + " is not an 8-bit enum dataset");
  Id space(check(H5Dget_space(ds.get()), "dataset space"));
  const auto n = static_cast<std::size_t>(H5Sget_simple_extent_npoints(space.get()));
  std::vector<signed char> codes(n);
  if (n > 0) check(H5Dread(ds.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, codes.data()), "reading " + path);
  return std::vector<int>(codes.begin(), codes.end());
}
}  // namespace icbsim::h5

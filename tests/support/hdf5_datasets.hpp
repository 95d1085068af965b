// Test support: every fixed-size dataset of an HDF5 file as raw bytes, by path, for comparing
// result files byte for byte (variable-length strings are left out).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "engine/io/h5/hdf5_handle.hpp"

namespace icbsim::testing {

inline std::map<std::string, std::vector<char>> datasets(const std::filesystem::path& file) {
  std::map<std::string, std::vector<char>> out;
  icbsim::h5::Id f = icbsim::h5::open_file_read(file.string());
  struct Visit {
    static herr_t call(hid_t obj, const char* name, const H5O_info_t* info, void* data) {
      if (info->type != H5O_TYPE_DATASET) return 0;
      icbsim::h5::Id ds(H5Dopen2(obj, name, H5P_DEFAULT));
      icbsim::h5::Id type(H5Dget_type(ds.get()));
      if (H5Tis_variable_str(type.get()) > 0) return 0;
      icbsim::h5::Id space(H5Dget_space(ds.get()));
      const auto n = static_cast<std::size_t>(H5Sget_simple_extent_npoints(space.get()));
      std::vector<char> bytes(n * H5Tget_size(type.get()));
      if (n > 0) H5Dread(ds.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, bytes.data());
      (*static_cast<std::map<std::string, std::vector<char>>*>(data))[name] = std::move(bytes);
      return 0;
    }
  };
  H5Ovisit(f.get(), H5_INDEX_NAME, H5_ITER_INC, &Visit::call, &out);
  return out;
}

}  // namespace icbsim::testing

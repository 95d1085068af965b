// Every object of an HDF5 file, listed once in creation order.
#include "engine/io/h5/object_list.hpp"

#include "engine/io/h5/hdf5_handle.hpp"

namespace icbsim::h5 {

std::vector<std::pair<std::string, H5O_type_t>> list_objects(hid_t file) {
  std::vector<std::pair<std::string, H5O_type_t>> out;
  auto visit = [](hid_t, const char* name, const H5O_info_t* info, void* data) -> herr_t {
    if (std::string(name) != ".") static_cast<decltype(out)*>(data)->emplace_back(name, info->type);
    return 0;
  };
  check(H5Ovisit(file, H5_INDEX_CRT_ORDER, H5_ITER_INC, visit, &out), "listing objects");
  return out;
}

}  // namespace icbsim::h5

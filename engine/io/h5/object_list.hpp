// Every object of an HDF5 file, listed once in creation order (for passes over a whole file:
// merging, labelling dimensions).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "engine/io/h5/hdf5_handle.hpp"

namespace icbsim::h5 {

/// Groups and datasets below `file` by path relative to the root ("trajectories/T"), parents
/// before children, in creation order.
std::vector<std::pair<std::string, H5O_type_t>> list_objects(hid_t file);

}  // namespace icbsim::h5

// Every object of an HDF5 file, listed once in creation order.
#include "engine/io/h5/object_list.hpp"

#include <set>

#include "engine/io/h5/hdf5_handle.hpp"

namespace icbsim::h5 {
namespace {
/// Appends the objects below `group` (a path, "" for the root) group by group through list_group,
/// so a damaged link is an IoError (see list_group); `seen` keeps each object once, also when a
/// damaged file links a group into itself.
void list_below(hid_t file, const std::string& group, std::set<haddr_t>& seen,
                std::vector<std::pair<std::string, H5O_type_t>>& out) {
  for (const std::string& name : list_group(file, group.empty() ? "/" : group)) {
    const std::string path = group.empty() ? name : group + "/" + name;
    H5O_info_t info;
    check(H5Oget_info_by_name(file, path.c_str(), &info, H5P_DEFAULT), "inspecting " + path);
    if (!seen.insert(info.addr).second) continue;
    out.emplace_back(path, info.type);
    if (info.type == H5O_TYPE_GROUP) list_below(file, path, seen, out);
  }
}
}  // namespace

std::vector<std::pair<std::string, H5O_type_t>> list_objects(hid_t file) {
  std::vector<std::pair<std::string, H5O_type_t>> out;
  std::set<haddr_t> seen;
  list_below(file, "", seen, out);
  return out;
}

}  // namespace icbsim::h5

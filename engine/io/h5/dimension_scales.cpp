// HDF5 dimension scales through the high-level H5DS API.
#include "engine/io/h5/dimension_scales.hpp"

#include <hdf5_hl.h>

#include <algorithm>
#include <cstdio>

namespace icbsim::h5 {

void create_bare_dimension(hid_t file, const std::string& path, hsize_t size) {
  Id space(check(H5Screate_simple(1, &size, nullptr), "dataspace of " + path));
  Id props(check(H5Pcreate(H5P_DATASET_CREATE), "dataset properties of " + path));
  const hsize_t chunk = std::clamp<hsize_t>(size, 1, 65536);
  const float zero = 0.0F;
  check(H5Pset_chunk(props.get(), 1, &chunk), "chunking " + path);
  check(H5Pset_deflate(props.get(), 1), "deflate filter " + path);
  check(H5Pset_fill_value(props.get(), H5T_NATIVE_FLOAT, &zero), "fill value " + path);
  check(H5Pset_alloc_time(props.get(), H5D_ALLOC_TIME_EARLY), "allocation of " + path);
  Id ds(check(H5Dcreate2(file, path.c_str(), H5T_IEEE_F32LE, space.get(), H5P_DEFAULT, props.get(), H5P_DEFAULT),
              "creating dimension " + path));
  char name[96];
  std::snprintf(name, sizeof name, "%s%10llu", std::string(kNotAVariable).c_str(),
                static_cast<unsigned long long>(size));
  make_scale(ds.get(), name);
}

void make_scale(hid_t dataset, const std::string& name) {
  if (check(H5DSis_scale(dataset), "dimension scale test") > 0) return;
  check(H5DSset_scale(dataset, name.c_str()), "making a dimension scale " + name);
}

std::string scale_name(hid_t dataset) {
  if (check(H5DSis_scale(dataset), "dimension scale test") <= 0) return {};
  const auto length = check(H5DSget_scale_name(dataset, nullptr, 0), "dimension scale name");
  std::string name(static_cast<std::size_t>(length) + 1, '\0');
  check(H5DSget_scale_name(dataset, name.data(), name.size()), "dimension scale name");
  name.resize(static_cast<std::size_t>(length));
  return name;
}

void attach_scale(hid_t dataset, hid_t scale, unsigned axis) {
  check(H5DSattach_scale(dataset, scale, axis), "attaching a dimension scale");
}

void remove_scale_attributes(hid_t object) {
  for (std::string_view a : kScaleAttributes) {
    const std::string name(a);
    if (check(H5Aexists(object, name.c_str()), "attribute test") > 0)
      check(H5Adelete(object, name.c_str()), "removing attribute " + name);
  }
}

bool is_scale_attribute(std::string_view name) {
  for (std::string_view a : kScaleAttributes)
    if (name == a) return true;
  return false;
}

}  // namespace icbsim::h5

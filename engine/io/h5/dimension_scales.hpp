// HDF5 dimension scales (the high-level H5DS API): naming the axes of datasets the way netCDF-4
// readers expect.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "engine/io/h5/hdf5_handle.hpp"

namespace icbsim::h5 {

/// netCDF-4 marks a dimension that has no coordinate variable by this prefix of its scale name.
inline constexpr std::string_view kNotAVariable = "This is a netCDF dimension but not a netCDF variable.";

/// A netCDF dimension without a coordinate variable at `path`: a dimension scale of `size` float
/// zeros (chunked and compressed, so it costs almost nothing; written, so h5diff can compare the
/// references to it).
void create_bare_dimension(hid_t file, const std::string& path, hsize_t size);

/// Makes `dataset` a dimension scale called `name`, unless it is one already.
void make_scale(hid_t dataset, const std::string& name);
/// The name of a dimension scale; empty when `dataset` is not one.
std::string scale_name(hid_t dataset);
/// Attaches `scale` to axis `axis` of `dataset`.
void attach_scale(hid_t dataset, hid_t scale, unsigned axis);
/// The attributes HDF5 keeps for dimension scales; they hold references into their own file.
inline constexpr std::array<std::string_view, 4> kScaleAttributes{"CLASS", "NAME", "REFERENCE_LIST", "DIMENSION_LIST"};
/// Removes kScaleAttributes from an object copied from another file.
void remove_scale_attributes(hid_t object);
/// True for one of kScaleAttributes.
bool is_scale_attribute(std::string_view name);

}  // namespace icbsim::h5

// Named dimensions for result files: HDF5 dimension scales (the netCDF-4 convention) on every axis
// of every dataset, and CF flag_values/flag_meanings beside each enum type, so netCDF readers
// (xarray with h5netcdf, netCDF-C, ncdump) see the axes by name.
#pragma once

#include <string>

#include "engine/io/h5/hdf5_handle.hpp"

namespace icbsim::results {

/// Makes /time, /scans/time and a new /task coordinate (global task ids) dimension scales, adds
/// netCDF dimensions without a variable for axes with no coordinate (dose, point, agent, z, y, x,
/// ...), attaches them to every dataset's axes and writes flag_values/flag_meanings on every enum
/// dataset. Throws IoError naming a dataset none of the layout's axis rules covers.
void label_dimensions(hid_t file);

/// True for the datasets label_dimensions creates (they are rebuilt, never merged).
bool is_dimension_label(hid_t file, const std::string& path);

}  // namespace icbsim::results

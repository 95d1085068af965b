// One snapshot of a spatial task at one time: its agents (positions, type, state columns) and its
// fields on the voxel lattice, as plain data for the result writer (/snapshots, XDMF).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace icbsim {

/// A named column of values (per agent or per voxel).
template <typename T>
struct SnapshotColumn {
  std::string name;
  std::string unit;  ///< empty: dimensionless
  std::vector<T> values;
};

struct SpatialSnapshot {
  double time = 0.0;                 ///< [day]
  std::array<int, 3> voxels{1, 1, 1};  ///< lattice size (x, y, z); z = 1 for a 2-D section
  double voxel_um = 0.0;             ///< voxel edge [um]
  std::vector<double> positions;     ///< agent voxel centres [agent][x, y, z] row-major [um]
  std::vector<std::uint8_t> types;   ///< agent type codes, index into type_names
  std::vector<std::string> type_names;
  std::vector<SnapshotColumn<double>> agent_reals;
  std::vector<SnapshotColumn<std::int32_t>> agent_ints;
  std::vector<SnapshotColumn<double>> fields;  ///< per voxel, x fastest (index x + nx·(y + ny·z))

  std::size_t agents() const noexcept { return types.size(); }
};

}  // namespace icbsim

// The XDMF (version 3) file written beside a result file that holds lattice snapshots, so that
// ParaView opens them directly: per snapshotted task a temporal collection whose steps hold the
// fields on a uniform grid (cell data) and the agents as a polyvertex point set.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace icbsim {

/// What the XDMF file needs to know of one written snapshot.
struct XdmfSnapshot {
  std::size_t task = 0;            ///< global task id
  double time = 0.0;               ///< [day]
  std::string group;               ///< HDF5 path of the snapshot group (/snapshots/task<k>/t<day>)
  std::array<int, 3> voxels{1, 1, 1};
  double voxel_um = 0.0;
  std::size_t agents = 0;
  std::vector<std::string> fields;       ///< datasets under <group>/fields (doubles, [z, y, x])
  std::vector<std::string> agent_reals;  ///< datasets under <group>/agents (doubles)
  std::vector<std::string> agent_ints;   ///< datasets under <group>/agents (int32)
};

/// "run.h5" -> "run.xmf" (any other name: name + ".xmf").
std::string xdmf_path(const std::string& h5_path);

/// Writes `xmf_path` referencing datasets of `h5_name` (a path relative to the XDMF file's folder).
/// Throws IoError when the file cannot be written.
void write_xdmf(const std::string& xmf_path, const std::string& h5_name, const std::vector<XdmfSnapshot>& snapshots);

}  // namespace icbsim

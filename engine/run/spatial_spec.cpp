// SpatialSpec: snapshot selection.
#include "engine/run/spatial_spec.hpp"

#include <algorithm>

namespace icbsim {

bool SpatialSpec::snapshots(std::size_t task) const {
  return !snapshot_times.empty() && std::binary_search(snapshot_tasks.begin(), snapshot_tasks.end(), task);
}

}  // namespace icbsim

// Copies the lattice of a spatial patient into a SpatialSnapshot (engine/core/spatial_snapshot.hpp):
// the living agents with their voxel centres, type and every agent column, and the four fields.
#pragma once

#include "engine/core/spatial_snapshot.hpp"
#include "models/nsclc_spatial/lattice_model.hpp"

namespace icbsim::models::spatial {

/// The lattice at time `t` [day].
SpatialSnapshot capture_snapshot(const LatticeModel& lattice, double t);

}  // namespace icbsim::models::spatial

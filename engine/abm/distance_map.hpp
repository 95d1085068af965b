// Distance of every voxel to the nearest voxel of a seed set, by a two-pass chamfer transform
// over the Moore neighbourhood with weights 1, √2, √3 (face, edge, corner neighbours): exact along
// the 13 lattice directions, at most ~13 % long in between (knight-like directions). Used for tissue
// regions (tumour core, invasive-margin band).
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "engine/abm/lattice.hpp"

namespace icbsim::abm {

inline constexpr double kFar = std::numeric_limits<double>::infinity();

/// Distance [voxels] from each voxel to the nearest voxel with seed[v] != 0 (0 at seeds; kFar
/// when there is no seed).
std::vector<double> distance_to_seeds(const Lattice& lattice, const std::vector<std::uint8_t>& seed);

}  // namespace icbsim::abm

// Lattice geometry: validation of the shape and the Moore neighbour offsets.
#include "engine/abm/lattice.hpp"

#include <string>

#include "engine/core/errors.hpp"

namespace icbsim::abm {

Lattice::Lattice(Coord size, double voxel_um) : size_(size), voxel_um_(voxel_um) {
  for (int d = 0; d < 3; ++d)
    if (size_[d] < 1) throw Error("lattice size must be at least 1 voxel in every direction");
  if (!(voxel_um_ > 0.0)) throw Error("lattice voxel edge must be positive, got " + std::to_string(voxel_um_) + " um");
  count_ = static_cast<std::size_t>(size_[0]) * static_cast<std::size_t>(size_[1]) * static_cast<std::size_t>(size_[2]);
  const int z_reach = dimensions() == 3 ? 1 : 0;
  for (int dz = -z_reach; dz <= z_reach; ++dz)
    for (int dy = -1; dy <= 1; ++dy)
      for (int dx = -1; dx <= 1; ++dx)
        if (dx != 0 || dy != 0 || dz != 0) offsets_.push_back({dx, dy, dz});
}

std::array<double, 3> Lattice::centre_um(std::size_t i) const noexcept {
  const Coord c = coord(i);
  return {(c[0] + 0.5) * voxel_um_, (c[1] + 0.5) * voxel_um_, (c[2] + 0.5) * voxel_um_};
}

}  // namespace icbsim::abm

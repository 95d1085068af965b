// The voxel lattice of the spatial mode: a 2-D (one voxel thick) or 3-D box of cubic voxels,
// with index <-> coordinate conversion and the Moore neighbourhood (8 or 26 neighbours).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace icbsim::abm {

/// Integer voxel coordinates (x, y, z); z = 0 on a 2-D lattice.
using Coord = std::array<int, 3>;

class Lattice {
 public:
  /// A lattice of size[0] x size[1] x size[2] voxels of edge `voxel_um` [um]; size[2] = 1 makes
  /// it 2-D. Throws icbsim::Error for non-positive sizes or voxel edge.
  Lattice(Coord size, double voxel_um);

  /// 2 (size[2] == 1) or 3.
  int dimensions() const noexcept { return size_[2] == 1 ? 2 : 3; }
  const Coord& size() const noexcept { return size_; }
  std::size_t voxel_count() const noexcept { return count_; }
  /// Voxel edge [um].
  double voxel_um() const noexcept { return voxel_um_; }
  /// Voxel volume [um^3] (a 2-D lattice is a section one voxel thick).
  double voxel_volume_um3() const noexcept { return voxel_um_ * voxel_um_ * voxel_um_; }

  std::size_t index(const Coord& c) const noexcept {
    return static_cast<std::size_t>(c[0]) +
           static_cast<std::size_t>(size_[0]) *
               (static_cast<std::size_t>(c[1]) + static_cast<std::size_t>(size_[1]) * static_cast<std::size_t>(c[2]));
  }
  Coord coord(std::size_t i) const noexcept {
    const auto nx = static_cast<std::size_t>(size_[0]);
    const auto ny = static_cast<std::size_t>(size_[1]);
    return {static_cast<int>(i % nx), static_cast<int>((i / nx) % ny), static_cast<int>(i / (nx * ny))};
  }
  bool contains(const Coord& c) const noexcept {
    return c[0] >= 0 && c[1] >= 0 && c[2] >= 0 && c[0] < size_[0] && c[1] < size_[1] && c[2] < size_[2];
  }

  /// Offsets of the Moore neighbourhood without the centre, in a fixed order.
  std::span<const Coord> neighbour_offsets() const noexcept { return offsets_; }

  /// Calls f(neighbour index) for each Moore neighbour of voxel `i` inside the lattice, in the
  /// fixed order of neighbour_offsets().
  template <typename F>
  void for_each_neighbour(std::size_t i, F&& f) const {
    const Coord c = coord(i);
    for (const Coord& o : offsets_) {
      const Coord n{c[0] + o[0], c[1] + o[1], c[2] + o[2]};
      if (contains(n)) f(index(n));
    }
  }

  /// Centre of voxel `i` [um], from the lattice corner.
  std::array<double, 3> centre_um(std::size_t i) const noexcept;

 private:
  Coord size_;
  double voxel_um_;
  std::size_t count_;
  std::vector<Coord> offsets_;
};

}  // namespace icbsim::abm

// Block colouring: block and colour of each voxel, and the per-step grouping of agents.
#include "engine/abm/block_schedule.hpp"

#include <string>

#include "engine/core/errors.hpp"

namespace icbsim::abm {

BlockSchedule::BlockSchedule(const Lattice& lattice, int block_size) {
  if (block_size < 3)
    throw Error("block size must be at least 3 voxels for conflict-free updates, got " + std::to_string(block_size));
  const Coord& size = lattice.size();
  Coord blocks{};
  for (int d = 0; d < 3; ++d) blocks[d] = (size[d] + block_size - 1) / block_size;
  colours_ = lattice.dimensions() == 3 ? 8 : 4;
  const auto n_blocks = static_cast<std::size_t>(blocks[0]) * static_cast<std::size_t>(blocks[1]) *
                        static_cast<std::size_t>(blocks[2]);
  block_colour_.resize(n_blocks);
  for (std::size_t b = 0; b < n_blocks; ++b) {
    const auto bx = static_cast<int>(b % static_cast<std::size_t>(blocks[0]));
    const auto by = static_cast<int>((b / static_cast<std::size_t>(blocks[0])) % static_cast<std::size_t>(blocks[1]));
    const auto bz = static_cast<int>(b / (static_cast<std::size_t>(blocks[0]) * static_cast<std::size_t>(blocks[1])));
    block_colour_[b] = static_cast<std::uint8_t>((bx & 1) | ((by & 1) << 1) | ((bz & 1) << 2));
  }
  block_of_voxel_.resize(lattice.voxel_count());
  for (std::size_t v = 0; v < lattice.voxel_count(); ++v) {
    const Coord c = lattice.coord(v);
    const std::size_t b = static_cast<std::size_t>(c[0] / block_size) +
                          static_cast<std::size_t>(blocks[0]) *
                              (static_cast<std::size_t>(c[1] / block_size) +
                               static_cast<std::size_t>(blocks[1]) * static_cast<std::size_t>(c[2] / block_size));
    block_of_voxel_[v] = static_cast<std::uint32_t>(b);
  }
  start_.assign(n_blocks + 1, 0);
  occupied_by_colour_.resize(static_cast<std::size_t>(colours_));
}

void BlockSchedule::assign(std::span<const std::uint32_t> voxels, std::span<const std::uint8_t> alive) {
  // Counting sort by block; a stable pass keeps ascending agent index inside each block.
  std::fill(start_.begin(), start_.end(), 0u);
  for (std::size_t i = 0; i < voxels.size(); ++i)
    if (alive[i]) ++start_[block_of_voxel_[voxels[i]] + 1];
  for (std::size_t b = 0; b + 1 < start_.size(); ++b) start_[b + 1] += start_[b];
  agents_.resize(start_.back());
  std::vector<std::uint32_t> fill(start_.begin(), start_.end() - 1);
  for (std::size_t i = 0; i < voxels.size(); ++i)
    if (alive[i]) agents_[fill[block_of_voxel_[voxels[i]]]++] = static_cast<std::uint32_t>(i);
  for (auto& list : occupied_by_colour_) list.clear();
  for (std::size_t b = 0; b + 1 < start_.size(); ++b)
    if (start_[b + 1] > start_[b]) occupied_by_colour_[block_colour_[b]].push_back(static_cast<std::uint32_t>(b));
}

}  // namespace icbsim::abm

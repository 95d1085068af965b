// Conflict-free deterministic parallel agent updates by block colouring. The lattice is cut into
// cubic blocks of B >= 3 voxels; blocks get one of 2^d colours by the parity of their block
// coordinates. An agent update may read and write only voxels within one voxel of its own voxel
// at the start of the step; two blocks of one colour are at least B >= 3 voxels apart, so their
// neighbourhoods never overlap and they can be updated in parallel. Colours run one after the
// other in a fixed order, the blocks of a colour in parallel, the agents of a block in ascending
// store order (= creation order). Each agent is updated once per step, in the block where it
// started the step. The result is therefore identical for any number of threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "engine/abm/lattice.hpp"

namespace icbsim::abm {

class BlockSchedule {
 public:
  /// Colours with fewer occupied blocks run on one thread.
  static constexpr std::ptrdiff_t kMinParallelBlocks = 16;

  /// Throws icbsim::Error when block_size < 3.
  BlockSchedule(const Lattice& lattice, int block_size);

  int colours() const noexcept { return colours_; }
  std::size_t block_count() const noexcept { return block_colour_.size(); }
  std::uint32_t block_of(std::size_t voxel) const noexcept { return block_of_voxel_[voxel]; }

  /// Groups the living agents by the block of their voxel (call once per step, before updating).
  void assign(std::span<const std::uint32_t> voxels, std::span<const std::uint8_t> alive);

  /// Calls update(agent index, block) for every agent assigned, colour by colour, blocks of one
  /// colour in parallel (OpenMP), agents of a block in ascending index order.
  template <typename Update>
  void run(Update&& update) const {
    for (int c = 0; c < colours_; ++c) {
      const std::vector<std::uint32_t>& blocks = occupied_by_colour_[static_cast<std::size_t>(c)];
      const auto n = static_cast<std::ptrdiff_t>(blocks.size());
      // Few blocks: one thread (the result is the same; a parallel region would cost more than it saves).
#pragma omp parallel for schedule(dynamic, 1) if (n >= kMinParallelBlocks)
      for (std::ptrdiff_t b = 0; b < n; ++b) {
        const std::uint32_t block = blocks[static_cast<std::size_t>(b)];
        for (std::uint32_t k = start_[block]; k < start_[block + 1]; ++k) update(static_cast<std::size_t>(agents_[k]), block);
      }
    }
  }

  /// Agents assigned to `block` (ascending index).
  std::span<const std::uint32_t> agents_in(std::uint32_t block) const noexcept {
    return {agents_.data() + start_[block], start_[block + 1] - start_[block]};
  }

 private:
  int colours_;
  std::vector<std::uint32_t> block_of_voxel_;
  std::vector<std::uint8_t> block_colour_;
  std::vector<std::uint32_t> start_;   ///< CSR offsets of agents_ per block (block_count + 1)
  std::vector<std::uint32_t> agents_;  ///< agent indices grouped by block
  std::vector<std::vector<std::uint32_t>> occupied_by_colour_;
};

}  // namespace icbsim::abm

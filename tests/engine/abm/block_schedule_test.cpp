// Block colouring: blocks of one colour have disjoint one-voxel neighbourhoods (so their agents
// can be updated in parallel), each agent is visited once, in ascending order inside its block.
#include <catch2/catch.hpp>

#include <vector>

#include "engine/abm/block_schedule.hpp"
#include "engine/core/errors.hpp"

using icbsim::abm::BlockSchedule;
using icbsim::abm::Lattice;

namespace {

/// True when no voxel lies within one voxel of two different blocks of the same colour.
bool colours_are_conflict_free(const Lattice& lattice, const BlockSchedule& blocks, int colours,
                               const std::vector<int>& colour_of_block) {
  for (int c = 0; c < colours; ++c) {
    std::vector<long> owner(lattice.voxel_count(), -1);
    for (std::size_t v = 0; v < lattice.voxel_count(); ++v) {
      const auto b = static_cast<long>(blocks.block_of(v));
      if (colour_of_block[static_cast<std::size_t>(b)] != c) continue;
      bool clash = false;
      auto claim = [&](std::size_t w) {
        if (owner[w] >= 0 && owner[w] != b) clash = true;
        owner[w] = b;
      };
      claim(v);
      lattice.for_each_neighbour(v, claim);
      if (clash) return false;
    }
  }
  return true;
}

/// Colour of every block, recovered from the parity rule through the public block_of().
std::vector<int> colours_by_parity(const Lattice& lattice, const BlockSchedule& blocks, int size) {
  std::vector<int> colour(blocks.block_count(), -1);
  for (std::size_t v = 0; v < lattice.voxel_count(); ++v) {
    const auto c = lattice.coord(v);
    colour[blocks.block_of(v)] = ((c[0] / size) & 1) | (((c[1] / size) & 1) << 1) | (((c[2] / size) & 1) << 2);
  }
  return colour;
}

}  // namespace

TEST_CASE("blocks of one colour never share a neighbourhood", "[abm][blocks]") {
  for (int size : {3, 4, 6}) {
    INFO("block size " << size);
    const Lattice cube({17, 14, 11}, 20.0);
    const BlockSchedule blocks3(cube, size);
    CHECK(blocks3.colours() == 8);
    CHECK(colours_are_conflict_free(cube, blocks3, 8, colours_by_parity(cube, blocks3, size)));
    const Lattice flat({23, 19, 1}, 20.0);
    const BlockSchedule blocks2(flat, size);
    CHECK(blocks2.colours() == 4);
    CHECK(colours_are_conflict_free(flat, blocks2, 4, colours_by_parity(flat, blocks2, size)));
  }
}

TEST_CASE("blocks narrower than 3 voxels are refused", "[abm][blocks]") {
  CHECK_THROWS_WITH(BlockSchedule(Lattice({10, 10, 1}, 20.0), 2), Catch::Contains("at least 3"));
}

TEST_CASE("every living agent is visited once, in ascending order inside its block", "[abm][blocks]") {
  const Lattice lattice({20, 20, 1}, 20.0);
  BlockSchedule blocks(lattice, 4);
  std::vector<std::uint32_t> voxels;
  std::vector<std::uint8_t> alive;
  for (std::uint32_t k = 0; k < 300; ++k) {
    voxels.push_back((k * 37u) % 400u);
    alive.push_back(k % 7 == 3 ? 0 : 1);
  }
  blocks.assign(voxels, alive);
  std::vector<int> visits(voxels.size(), 0);
  std::vector<std::vector<std::size_t>> order(blocks.block_count());
  blocks.run([&](std::size_t i, std::uint32_t block) {
    ++visits[i];  // each agent has its own counter: no race
    CHECK(blocks.block_of(voxels[i]) == block);
  });
  for (std::size_t i = 0; i < voxels.size(); ++i) CHECK(visits[i] == (alive[i] ? 1 : 0));
  for (std::uint32_t b = 0; b < blocks.block_count(); ++b) {
    const auto agents = blocks.agents_in(b);
    for (std::size_t k = 1; k < agents.size(); ++k) CHECK(agents[k - 1] < agents[k]);
  }
}

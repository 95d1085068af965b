// Lattice geometry: index <-> coordinates, Moore neighbourhoods at faces and corners, bad shapes.
#include <catch2/catch.hpp>

#include "engine/abm/lattice.hpp"
#include "engine/core/errors.hpp"

using icbsim::abm::Lattice;

TEST_CASE("lattice indices and coordinates round-trip", "[abm][lattice]") {
  const Lattice lattice({7, 5, 3}, 20.0);
  CHECK(lattice.dimensions() == 3);
  CHECK(lattice.voxel_count() == 105);
  for (std::size_t i = 0; i < lattice.voxel_count(); ++i) CHECK(lattice.index(lattice.coord(i)) == i);
  CHECK(lattice.index({6, 4, 2}) == 104);
  CHECK(lattice.voxel_volume_um3() == Approx(8000.0));
  const auto centre = lattice.centre_um(lattice.index({1, 0, 2}));
  CHECK(centre[0] == Approx(30.0));
  CHECK(centre[2] == Approx(50.0));
}

TEST_CASE("Moore neighbourhoods count 8 or 26 neighbours inside and fewer at the faces", "[abm][lattice]") {
  auto count = [](const Lattice& l, icbsim::abm::Coord c) {
    int n = 0;
    l.for_each_neighbour(l.index(c), [&](std::size_t) { ++n; });
    return n;
  };
  const Lattice flat({5, 5, 1}, 20.0);
  CHECK(flat.dimensions() == 2);
  CHECK(count(flat, {2, 2, 0}) == 8);
  CHECK(count(flat, {0, 0, 0}) == 3);
  CHECK(count(flat, {0, 2, 0}) == 5);
  const Lattice cube({5, 5, 5}, 20.0);
  CHECK(count(cube, {2, 2, 2}) == 26);
  CHECK(count(cube, {0, 0, 0}) == 7);
  CHECK(count(cube, {0, 2, 2}) == 17);
}

TEST_CASE("a lattice needs positive sizes and voxel edge", "[abm][lattice]") {
  CHECK_THROWS_AS(Lattice({0, 5, 1}, 20.0), icbsim::Error);
  CHECK_THROWS_WITH(Lattice({5, 5, 1}, 0.0), Catch::Contains("voxel edge must be positive"));
}

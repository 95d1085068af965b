// Chamfer distance map: exact along lattice directions, never shorter and at most 13 % longer than
// the Euclidean distance elsewhere.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/abm/distance_map.hpp"

TEST_CASE("chamfer distances approximate Euclidean distances to the seeds", "[abm][distance]") {
  const icbsim::abm::Lattice cube({31, 31, 31}, 20.0);
  std::vector<std::uint8_t> seed(cube.voxel_count(), 0);
  const std::size_t centre = cube.index({15, 15, 15});
  seed[centre] = 1;
  const std::vector<double> d = icbsim::abm::distance_to_seeds(cube, seed);
  CHECK(d[centre] == 0.0);
  CHECK(d[cube.index({15, 15, 25})] == Approx(10.0));
  CHECK(d[cube.index({25, 25, 25})] == Approx(10.0 * std::sqrt(3.0)));
  double worst = 0.0, shortest = 1.0;
  for (std::size_t v = 0; v < cube.voxel_count(); ++v) {
    const auto c = cube.coord(v);
    const double dx = c[0] - 15, dy = c[1] - 15, dz = c[2] - 15;
    const double exact = std::sqrt(dx * dx + dy * dy + dz * dz);
    if (exact == 0) continue;
    worst = std::max(worst, d[v] / exact - 1.0);
    shortest = std::min(shortest, d[v] / exact);
  }
  INFO("largest relative excess " << worst);
  CHECK(shortest >= 1.0 - 1e-12);
  CHECK(worst < 0.135);
  const std::vector<double> none = icbsim::abm::distance_to_seeds(cube, std::vector<std::uint8_t>(cube.voxel_count(), 0));
  CHECK(std::isinf(none[0]));
}

// Two-pass chamfer distance transform on the lattice.
#include "engine/abm/distance_map.hpp"

#include <cmath>

namespace icbsim::abm {

std::vector<double> distance_to_seeds(const Lattice& lattice, const std::vector<std::uint8_t>& seed) {
  const std::size_t n = lattice.voxel_count();
  std::vector<double> d(n, kFar);
  for (std::size_t v = 0; v < n; ++v)
    if (seed[v]) d[v] = 0.0;
  // Offsets that precede a voxel in index order (the "causal" half) and their weights.
  struct Step {
    Coord offset;
    double weight;
  };
  std::vector<Step> before, after;
  for (const Coord& o : lattice.neighbour_offsets()) {
    const double w = std::sqrt(static_cast<double>(o[0] * o[0] + o[1] * o[1] + o[2] * o[2]));
    const bool precedes = o[2] < 0 || (o[2] == 0 && (o[1] < 0 || (o[1] == 0 && o[0] < 0)));
    (precedes ? before : after).push_back({o, w});
  }
  auto relax = [&](std::size_t v, const std::vector<Step>& steps) {
    const Coord c = lattice.coord(v);
    double best = d[v];
    for (const Step& s : steps) {
      const Coord m{c[0] + s.offset[0], c[1] + s.offset[1], c[2] + s.offset[2]};
      if (!lattice.contains(m)) continue;
      const double candidate = d[lattice.index(m)] + s.weight;
      if (candidate < best) best = candidate;
    }
    d[v] = best;
  };
  for (std::size_t v = 0; v < n; ++v) relax(v, before);
  for (std::size_t v = n; v-- > 0;) relax(v, after);
  return d;
}

}  // namespace icbsim::abm

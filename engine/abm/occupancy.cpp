// Voxel occupancy: construction and clearing.
#include "engine/abm/occupancy.hpp"

#include <algorithm>

#include "engine/core/errors.hpp"

namespace icbsim::abm {

Occupancy::Occupancy(std::size_t voxels, std::size_t mobile_classes)
    : classes_(mobile_classes), exclusive_(voxels, kEmpty), total_(voxels, 0), by_class_(voxels * mobile_classes, 0) {
  if (mobile_classes == 0) throw Error("occupancy needs at least one mobile class");
}

void Occupancy::clear_agents() {
  for (auto& e : exclusive_)
    if (e != kBlocked) e = kEmpty;
  std::fill(total_.begin(), total_.end(), std::uint8_t{0});
  std::fill(by_class_.begin(), by_class_.end(), std::uint8_t{0});
}

}  // namespace icbsim::abm

// Field storage and validation of its constants.
#include "engine/abm/field.hpp"

#include <algorithm>
#include <cmath>

#include "engine/core/errors.hpp"

namespace icbsim::abm {

Field::Field(FieldSpec spec, const Lattice& lattice, double initial)
    : spec_(std::move(spec)),
      values_(lattice.voxel_count(), initial),
      source_(lattice.voxel_count(), 0.0),
      sink_(lattice.voxel_count(), 0.0) {
  if (!(spec_.diffusion >= 0.0) || !std::isfinite(spec_.diffusion))
    throw Error("field '" + spec_.name + "': diffusion coefficient must be finite and non-negative");
  if (!(spec_.decay >= 0.0) || !std::isfinite(spec_.decay))
    throw Error("field '" + spec_.name + "': decay rate must be finite and non-negative");
}

void Field::clear_sources() {
  std::fill(source_.begin(), source_.end(), 0.0);
  std::fill(sink_.begin(), sink_.end(), 0.0);
}

}  // namespace icbsim::abm

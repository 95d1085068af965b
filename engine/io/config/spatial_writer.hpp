// Writes a scenario's `spatial:` section back as YAML with every default filled in (part of the
// resolved scenario stored in each result file); loading it gives the same SpatialSpec.
#pragma once

#include "engine/run/spatial_spec.hpp"

namespace YAML {
class Emitter;
}

namespace icbsim {

void write_spatial_section(const SpatialSpec& spec, YAML::Emitter& out);

}  // namespace icbsim

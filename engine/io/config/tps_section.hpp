// `readout: {tps: {from: ..., cells_scored: ...}}`: the baseline PD-L1 assay of a scenario
// (docs/readouts.md "PD-L1 tumour proportion score"), read with located errors and written back.
#pragma once

#include <yaml-cpp/emitter.h>

#include "engine/core/model_info.hpp"
#include "engine/io/config/config_node.hpp"
#include "engine/readout/tps_assay.hpp"

namespace icbsim {

/// Reads `node` (the value of readout.tps): `from` names a state or observable in percent.
readout::TpsAssay read_tps_section(const ConfigNode& node, const ModelInfo& model);

/// Writes `tps:` inside the open readout map.
void write_tps_section(const readout::TpsAssay& assay, const ModelInfo& model, YAML::Emitter& out);

}  // namespace icbsim

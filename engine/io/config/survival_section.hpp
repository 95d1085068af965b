// `readout: {survival: {model: tgi_os, prognosis: ..., background_hazard: ...}}`: how a scenario's
// overall survival arises (docs/readouts.md "Overall survival"), read with located errors, written back.
#pragma once

#include <optional>

#include <yaml-cpp/emitter.h>

#include "engine/core/model_info.hpp"
#include "engine/io/config/config_node.hpp"
#include "engine/readout/tgi_os.hpp"

namespace icbsim {

/// Reads `node` (the value of readout.survival): `model` is tgi_os (the TGI-OS model of Struemper
/// 2025) or lethal_sld (nothing: the lethal-SLD rule); `prognosis` names a model parameter holding
/// the prognostic shift of log survival time; `background_hazard` a rate.
std::optional<readout::TgiOsModel> read_survival_section(const ConfigNode& node, const ModelInfo& model);

/// Writes `survival:` inside the open readout map.
void write_survival_section(const std::optional<readout::TgiOsModel>& survival, const ModelInfo& model,
                            YAML::Emitter& out);

}  // namespace icbsim

// The spatial mode of nsclc_icb (registered in models/register_builtin.cpp): one scenario task run
// as a SpatialPatient. It records nsclc_icb's state and observables at the task's output and sample
// times — the tumour states follow the lattice, so the readouts work unchanged — with the spatial
// metrics (nsclc_spatial's observables) on the output grid and lattice snapshots on request.
#pragma once

#include <array>
#include <string_view>
#include <utility>

#include "engine/core/spatial_mode.hpp"
#include "models/nsclc_spatial/nsclc_spatial.hpp"

namespace icbsim::models::spatial {

/// Level codes of the infiltration_class metric (as Infiltration).
inline constexpr std::array<std::pair<std::string_view, int>, 3> kInfiltrationLevels{{
    {"inflamed", 0}, {"excluded", 1}, {"desert", 2}}};

/// The recorded metrics: nsclc_spatial's observables, in their order.
inline constexpr std::array<SpatialMetricSpec, NsclcSpatial::kObservables.size()> kSpatialMetrics{{
    {NsclcSpatial::kObservables[0], {}},
    {NsclcSpatial::kObservables[1], {}},
    {NsclcSpatial::kObservables[2], kInfiltrationLevels},
    {NsclcSpatial::kObservables[3], {}},
    {NsclcSpatial::kObservables[4], {}},
    {NsclcSpatial::kObservables[5], {}},
    {NsclcSpatial::kObservables[6], {}},
    {NsclcSpatial::kObservables[7], {}},
}};

/// Runs one task as a spatial patient (SpatialMode::run). The systemic model starts at
/// TaskInput::t_start; every time is reached at the first coupling time at or after it.
TaskOutput run_hybrid_task(const TaskInput& input, const SpatialRun& run);

/// The registry entry: nsclc_icb extended by nsclc_spatial.
SpatialMode hybrid_mode();

}  // namespace icbsim::models::spatial

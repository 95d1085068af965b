// The /sweep group of a result file: the design (written when the run starts) and, once every task
// is in the file, the analysis: each point's outputs and the sensitivity indices
// (docs/hdf5-layout.md, docs/sensitivity.md).
#pragma once

#include <string>

#include "engine/io/h5/hdf5_handle.hpp"

#include "engine/run/plan.hpp"

namespace icbsim {

/// Creates /sweep with the axes and every point's unit-cube coordinates and values.
void write_sweep_design(hid_t file, const Scenario& scenario, const Plan& plan);

/// Reads the task columns the sweep's outputs need from a complete result file (open for writing),
/// analyses them and writes /sweep/outputs, /sweep/sensitivity and the report (attribute
/// /sweep:report). Returns the report text.
std::string write_sweep_analysis(hid_t file, const Scenario& scenario);

/// The sweep report of a finished file; empty when it holds none.
std::string read_sweep_report(const std::string& path);

}  // namespace icbsim

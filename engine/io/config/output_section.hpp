// The `output:` section of a scenario (docs/scenario.md "Output"): a file name, or a map of the
// file, the trajectories to store, their interval, precision and compression; read with located
// errors into Scenario::output_path and Scenario::output, and written back.
#pragma once

#include <string>

#include <yaml-cpp/emitter.h>

#include "engine/io/config/config_node.hpp"
#include "engine/run/scenario.hpp"

namespace icbsim {

/// The interval given as output.every, or null (read before time:, which it sets).
const ConfigNode* output_every_node(const ConfigNode* output);

/// Reads `node` (the value of `output:`, or null when absent) into `s`, after the model, time and
/// sweep sections: a sweep stores by default only the trajectories its outputs read (final:,
/// min:, max:).
void read_output_section(const ConfigNode* node, Scenario& s);

/// Writes `output:` on one line (shards differ only in it): the file name alone when the scenario
/// gave no map, else the map with every field.
void write_output_section(const Scenario& s, YAML::Emitter& out);

/// One line for people: "trajectories all, every 1 day, double precision, compression none".
std::string describe_output(const Scenario& s);

}  // namespace icbsim

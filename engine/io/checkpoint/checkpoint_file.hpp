// The checkpoint file (docs/hdf5-layout.md, "Checkpoint files"): a Checkpoint in HDF5 with the
// scenario it was taken from, written under a temporary name and renamed when complete.
#pragma once

#include <string>

#include "engine/core/model_registry.hpp"
#include "engine/run/checkpoint.hpp"
#include "engine/run/scenario.hpp"

namespace icbsim {

/// Version of the checkpoint file layout; bumped whenever a reader would need to change.
inline constexpr long long kCheckpointSchemaVersion = 1;

/// What a checkpoint file holds.
struct CheckpointFile {
  Checkpoint checkpoint;
  std::string scenario_file;      ///< the scenario file the checkpoint was taken from
  std::string scenario;           ///< its text as read
  std::string scenario_resolved;  ///< with every default filled in; its checkpoints include the time
  std::string icbsim_version;     ///< of the icbsim that wrote the file
  std::string git_commit;
};

/// Writes the checkpoint of `scenario` (the scenario it was taken from) to `path`.
void write_checkpoint_file(const std::string& path, const Checkpoint& checkpoint, const Scenario& scenario);

/// Reads a checkpoint file. Throws IoError when it is not an icbsim checkpoint (or of another
/// layout version), ScenarioError when its model is not registered.
CheckpointFile read_checkpoint_file(const std::string& path, const ModelRegistry& registry);

}  // namespace icbsim

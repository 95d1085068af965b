// Output files that appear only when complete: written under a temporary name (".partial") while
// holding the target's lock, checked, flushed to the disk and renamed over the final name once
// whole; a failure while writing removes the temporary file, so no half-written file is ever left
// under either name.
#pragma once

#include <filesystem>
#include <string>
#include <system_error>

#include "engine/core/errors.hpp"
#include "engine/io/h5/output_target.hpp"

namespace icbsim {

/// The temporary name a complete file is written under: "OUT.h5" -> "OUT.h5.partial" (unique per
/// target; the target's lock keeps a second writer off it).
inline std::string partial_path(const std::string& path) { return path + ".partial"; }

/// What a complete file holds: an HDF5 file is read back before it is renamed into place.
enum class CompleteFileKind { kHdf5, kText };

/// Locks `path` (OutputLock), refuses a target that is not a regular file, creates its parent
/// folder, calls write(temporary) (which must close the file it writes), checks that an HDF5 file
/// reads back, flushes it and renames it onto `path`. Any exception removes the temporary file and
/// propagates; a failed folder creation, check, flush or rename throws IoError.
template <typename Write>
void write_complete_file(const std::string& path, Write&& write, CompleteFileKind kind = CompleteFileKind::kHdf5) {
  namespace fs = std::filesystem;
  refuse_non_regular(path);
  std::error_code ec;
  const fs::path folder = fs::path(path).parent_path();
  if (!folder.empty()) fs::create_directories(folder, ec);
  if (ec) throw IoError("cannot create folder '" + folder.string() + "': " + ec.message());
  const OutputLock lock(path);
  const std::string temporary = partial_path(path);
  try {
    write(temporary);
    if (kind == CompleteFileKind::kHdf5) check_complete_hdf5(temporary);
    sync_file(temporary);
  } catch (...) {
    fs::remove(temporary, ec);
    throw;
  }
  fs::rename(temporary, path, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw IoError("cannot rename '" + temporary + "' to '" + path + "': " + ec.message());
  }
  sync_folder_of(path);
}

}  // namespace icbsim

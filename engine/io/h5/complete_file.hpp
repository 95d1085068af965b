// Output files that appear only when complete: written under a temporary name (".partial") and
// renamed over the final name once whole; a failure while writing removes the temporary file, so
// no half-written file is ever left under either name.
#pragma once

#include <filesystem>
#include <string>
#include <system_error>

#include "engine/core/errors.hpp"

namespace icbsim {

/// Creates the parent folder of `path`, calls write(temporary) and renames the temporary file onto
/// `path`. Any exception of `write` removes the temporary file and propagates; a failed folder
/// creation or rename throws IoError.
template <typename Write>
void write_complete_file(const std::string& path, Write&& write) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path folder = fs::path(path).parent_path();
  if (!folder.empty()) fs::create_directories(folder, ec);
  if (ec) throw IoError("cannot create folder '" + folder.string() + "': " + ec.message());
  const std::string temporary = path + ".partial";
  try {
    write(temporary);
  } catch (...) {
    fs::remove(temporary, ec);
    throw;
  }
  fs::rename(temporary, path, ec);
  if (ec) throw IoError("cannot rename '" + temporary + "' to '" + path + "': " + ec.message());
}

}  // namespace icbsim

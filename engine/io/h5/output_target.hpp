// Output targets that are safe to write: what an existing file at an output path holds, whether a
// command may replace it, and the lock that keeps a second process off a target being written.
#pragma once

#include <cstdint>
#include <string>

namespace icbsim {

/// What an output path names now.
enum class ExistingOutput {
  kMissing,     ///< nothing: a new name
  kIcbsimFile,  ///< a result, checkpoint or record written by icbsim
  kOtherFile,   ///< a regular file icbsim did not write (a scenario, a text, another HDF5 file)
  kNotAFile,    ///< a folder, a device node, a pipe or a socket
};

/// What is at an output path, with a phrase for messages ("an icbsim result of 'x.yaml', tasks
/// 0-999 of 1000, complete").
struct OutputInspection {
  ExistingOutput kind = ExistingOutput::kMissing;
  std::string description;
};

/// Looks at `path` without changing it (HDF5 files are opened read-only to read their root
/// attributes).
OutputInspection inspect_output(const std::string& path);

/// How a command came by an output name.
struct OutputPermission {
  bool typed = false;      ///< the user typed it (-o, a merge's OUT): an earlier icbsim result may be replaced
  bool overwrite = false;  ///< --overwrite: any regular file may be replaced
};

/// Throws ScenarioError (bad input, exit 2) naming the file and what it holds unless `path` is a
/// new name, an icbsim file under a typed name, or a regular file with --overwrite. Folders and
/// device nodes are never replaced.
void check_replaceable(const std::string& path, const OutputPermission& permission);

/// Throws ScenarioError when `path` exists and is not a regular file (renaming onto a device node
/// would replace the node).
void refuse_non_regular(const std::string& path);

/// The lock file beside a target: "OUT.h5" -> "OUT.h5.lock".
std::string lock_path(const std::string& target);

/// An exclusive lock (flock on "TARGET.lock", holding the owner's pid) for the lifetime of the
/// object: a second process asking for the same target gets ScenarioError naming the owner. The
/// kernel drops the lock of a killed process; the file is removed when the lock is released.
class OutputLock {
 public:
  OutputLock() = default;
  explicit OutputLock(const std::string& target);
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;
  OutputLock(OutputLock&& other) noexcept;
  OutputLock& operator=(OutputLock&& other) noexcept;
  ~OutputLock();

 private:
  void release() noexcept;
  std::string path_;
  int fd_ = -1;
};

/// Throws IoError unless `path` opens as an HDF5 file: a write that failed silently (a full disk
/// while HDF5 flushed its metadata on close) leaves a file that does not.
void check_complete_hdf5(const std::string& path);

/// Throws IoError when a file of `bytes` cannot be written at `path`: fewer bytes are free in its
/// folder, or the process's file size limit (ulimit -f) is smaller. Checked before writing, since
/// HDF5 1.10 may crash on a write that fails midway (in H5Ocopy).
void check_room_for(const std::string& path, std::uintmax_t bytes);

/// Turns off HDF5's own teardown at process exit. HDF5 1.10 closes the files still open at exit,
/// and one whose close failed (a full disk) crashes that teardown (SIGSEGV in H5F__close_cb) after
/// icbsim has reported the error; icbsim closes every file itself. Call before any other HDF5 call
/// (the executable does so first thing); later calls do nothing.
void disable_hdf5_exit_teardown();

/// Flushes a written file to the disk (fsync): IoError when the disk refuses it (full, gone).
void sync_file(const std::string& path);

/// Flushes the folder holding `path` so that a rename in it survives a power cut (best effort).
void sync_folder_of(const std::string& path);

}  // namespace icbsim

// The MPI side of the command line: with several ranks, `icbsim run` gives each rank an equal
// slice of the tasks, writes one shard per rank and lets rank 0 merge them into the requested
// file. Without MPI support compiled in (ICBSIM_WITH_MPI off), there is one rank.
#pragma once

#include <string>
#include <vector>

namespace icbsim::cli {

/// MPI_Init/MPI_Finalize for the lifetime of the object (no-op without MPI).
class MpiSession {
 public:
  MpiSession(int& argc, char**& argv);
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;
  ~MpiSession();

  int rank() const noexcept { return rank_; }
  int size() const noexcept { return size_; }
  /// Waits for every rank (no-op with one rank).
  void barrier() const;
  /// The largest value over the ranks (the exit code of the job).
  int max(int value) const;

 private:
  int rank_ = 0;
  int size_ = 1;
};

}  // namespace icbsim::cli

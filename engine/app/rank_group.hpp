// The processes that share one run (MPI ranks), seen through an interface so that the app library
// stays MPI-free: the executable passes its MPI session, other callers a single process.
#pragma once

namespace icbsim::app {

class RankGroup {
 public:
  virtual ~RankGroup() = default;
  /// This process's index, from 0.
  virtual int rank() const = 0;
  /// How many processes share the run.
  virtual int size() const = 0;
  /// Waits for every process.
  virtual void barrier() const = 0;
  /// The largest value over the processes (the exit code of a job).
  virtual int max(int value) const = 0;
  /// Ends every process of the run with `exit_code` when there are several (an error on one rank
  /// must not leave the others waiting for it); does nothing for one process.
  virtual void end_all(int /*exit_code*/) const {}
};

/// One process alone.
class SingleProcess final : public RankGroup {
 public:
  int rank() const override { return 0; }
  int size() const override { return 1; }
  void barrier() const override {}
  int max(int value) const override { return value; }
};

}  // namespace icbsim::app

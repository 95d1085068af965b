// The MPI side of the command line: with several ranks, `icbsim run` gives each rank an equal
// slice of the tasks (engine/app/run_scenario.hpp). Without MPI support compiled in
// (ICBSIM_WITH_MPI off), there is one rank.
#pragma once

#include "engine/app/rank_group.hpp"

namespace icbsim::cli {

/// MPI_Init/MPI_Finalize for the lifetime of the object when a launcher started the process or
/// `--mpi` was given; otherwise (and without MPI support) one rank and no MPI call.
class MpiSession final : public app::RankGroup {
 public:
  MpiSession(int& argc, char**& argv);
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;
  ~MpiSession() override;

  int rank() const override { return rank_; }
  int size() const override { return size_; }
  void barrier() const override;
  int max(int value) const override;
  void end_all(int exit_code) const override;

 private:
  int rank_ = 0;
  int size_ = 1;
  bool initialised_ = false;
};

}  // namespace icbsim::cli

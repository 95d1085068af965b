// MPI initialisation, barrier and reduction (or their one-rank stand-ins).
#include "engine/cli/mpi_session.hpp"

#ifdef ICBSIM_WITH_MPI
#include <mpi.h>
#endif

namespace icbsim::cli {

#ifdef ICBSIM_WITH_MPI
MpiSession::MpiSession(int& argc, char**& argv) {
  MPI_Init(&argc, &argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}
MpiSession::~MpiSession() { MPI_Finalize(); }
void MpiSession::barrier() const { MPI_Barrier(MPI_COMM_WORLD); }
int MpiSession::max(int value) const {
  int result = value;
  MPI_Allreduce(&value, &result, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  return result;
}
void MpiSession::abort(int exit_code) const {
  if (size_ > 1) MPI_Abort(MPI_COMM_WORLD, exit_code);
}
#else
MpiSession::MpiSession(int&, char**&) {}
MpiSession::~MpiSession() = default;
void MpiSession::barrier() const {}
int MpiSession::max(int value) const { return value; }
void MpiSession::abort(int) const {}
#endif

}  // namespace icbsim::cli

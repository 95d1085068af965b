// MPI initialisation, barrier and reduction (or their one-rank stand-ins). MPI is initialised only
// when a launcher started the process or `--mpi` asks for it (engine/app/mpi_launcher.hpp), so that
// `--version`, `validate` or a plain run never pay for MPI's start-up.
#include "engine/cli/mpi_session.hpp"

#include "engine/app/mpi_launcher.hpp"

#ifdef ICBSIM_WITH_MPI
#include <mpi.h>
#endif

namespace icbsim::cli {

#ifdef ICBSIM_WITH_MPI
MpiSession::MpiSession(int& argc, char**& argv) {
  if (!app::started_by_mpi_launcher(argc, argv)) return;
  MPI_Init(&argc, &argv);
  initialised_ = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}
MpiSession::~MpiSession() {
  if (initialised_) MPI_Finalize();
}
void MpiSession::barrier() const {
  if (initialised_) MPI_Barrier(MPI_COMM_WORLD);
}
int MpiSession::max(int value) const {
  if (!initialised_) return value;
  int result = value;
  MPI_Allreduce(&value, &result, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  return result;
}
void MpiSession::end_all(int exit_code) const {
  if (size_ > 1) MPI_Abort(MPI_COMM_WORLD, exit_code);
}
#else
MpiSession::MpiSession(int&, char**&) {}
MpiSession::~MpiSession() = default;
void MpiSession::barrier() const {}
int MpiSession::max(int value) const { return value; }
void MpiSession::end_all(int) const {}
#endif

}  // namespace icbsim::cli

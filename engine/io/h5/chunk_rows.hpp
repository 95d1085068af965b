// Rows per chunk of every task-indexed dataset, without the HDF5 headers: the writer gathers task
// rows in blocks of this size, and slices whose boundaries are multiples of it merge by copying
// whole compressed chunks.
#pragma once

#include <cstddef>

namespace icbsim::h5 {

inline constexpr std::size_t kTaskChunkRows = 256;

}  // namespace icbsim::h5

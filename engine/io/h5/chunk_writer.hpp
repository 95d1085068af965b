// Whole chunks of a task-indexed dataset, encoded outside HDF5: the rows of one block are laid out
// as the dataset's chunks, byte-shuffled and deflated exactly as HDF5's own filters would (so any
// HDF5 reader decodes them), and stored with H5Dwrite_chunk. Encoding touches no HDF5 state, so
// worker threads do it in parallel; only the store is serialised. ChunkQueue carries finished
// blocks from the thread that completes them to whichever thread encodes them.
#pragma once

#include <cstddef>
#include <deque>
#include <mutex>
#include <vector>

#include "engine/io/h5/hdf5_handle.hpp"

namespace icbsim::h5 {

/// How a chunked dataset of task rows is cut and filtered.
struct ChunkLayout {
  int rank = 1;                   ///< 1: one value per task; 2: a row per task
  std::size_t chunk_rows = 1;     ///< task rows per chunk (the block size)
  std::size_t chunk_columns = 1;  ///< values per chunk row (2-D), 1 for 1-D
  std::size_t row_length = 1;     ///< values per task row
  std::size_t element_size = 8;   ///< bytes per value in the file
  DatasetFilters filters;
};

/// The layout of `dataset`; false when it is not chunked (then it is written with H5Dwrite).
bool chunk_layout_of(hid_t dataset, std::size_t row_length, ChunkLayout& layout);

/// One completed block: `rows` task rows from `first`, row-major in the file's element format.
struct ChunkJob {
  hid_t dataset = H5I_INVALID_HID;
  ChunkLayout layout;
  std::size_t first = 0;
  std::size_t rows = 0;
  std::vector<char> bytes;
};

/// One encoded chunk: its first element's coordinates and its stored bytes (empty: the job's own
/// bytes, a whole unfiltered chunk).
struct EncodedChunk {
  hsize_t offset[2] = {0, 0};
  std::vector<unsigned char> bytes;
};

/// Writes `n` doubles at `doubles` as 32-bit floats at `out` (rounded to nearest).
void narrow_to_float(const void* doubles, std::size_t n, char* out);

/// The block's chunks, padded to full chunks with zeros, shuffled and deflated as its filters say.
/// Thread-safe (no HDF5 call).
std::vector<EncodedChunk> encode_chunks(const ChunkJob& job);

/// Stores encoded chunks with H5Dwrite_chunk (HDF5 calls: one thread at a time).
void store_chunks(const ChunkJob& job, const std::vector<EncodedChunk>& chunks);

/// Finished blocks waiting to be encoded and stored.
class ChunkQueue {
 public:
  /// `hdf5` serialises every HDF5 call of the file's writer.
  explicit ChunkQueue(std::mutex& hdf5) : hdf5_(hdf5) {}
  void push(ChunkJob job);
  /// Encodes (in the calling thread, unlocked) and stores (under the HDF5 lock) queued blocks
  /// until none is left.
  void drain();
  /// Drops queued blocks (a writer that gives up).
  void clear();

 private:
  std::mutex& hdf5_;
  std::mutex mutex_;
  std::deque<ChunkJob> jobs_;
};

}  // namespace icbsim::h5

// A dataset column written in blocks of consecutive task rows: rows arrive in any order (threads),
// are gathered in memory per block (one block = the task rows of one chunk), and each block is
// stored once when complete, as whole chunks encoded outside HDF5 (engine/io/h5/chunk_writer.hpp).
// Memory stays bounded by the blocks in flight, the file holds whole chunks, and the result does
// not depend on the order of completion.
#pragma once

#include <algorithm>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "engine/core/errors.hpp"
#include "engine/io/h5/chunk_writer.hpp"
#include "engine/io/h5/hdf5_handle.hpp"

namespace icbsim {

class BlockedColumn {
 public:
  /// A column over `n_rows` task rows of `row_length` elements of `element_size` bytes each (in
  /// memory, of `mem_type`). A double column stored as 32-bit floats is narrowed here.
  BlockedColumn(h5::Id dataset, hid_t mem_type, std::size_t element_size, std::size_t n_rows, std::size_t row_length)
      : dataset_(std::move(dataset)),
        mem_type_(mem_type),
        element_size_(element_size),
        n_rows_(n_rows),
        row_length_(row_length) {
    chunked_ = n_rows_ > 0 && row_length_ > 0 && h5::chunk_layout_of(dataset_.get(), row_length_, layout_);
    block_rows_ = chunked_ ? layout_.chunk_rows : std::max<std::size_t>(n_rows_, 1);
    narrow_ = chunked_ && element_size_ == sizeof(double) && layout_.element_size == sizeof(float) &&
              H5Tequal(mem_type_, H5T_NATIVE_DOUBLE) > 0;
    if (chunked_ && !narrow_ && layout_.element_size != element_size_)
      throw IoError("result file: a column's memory and file element sizes differ");
  }

  hid_t id() const noexcept { return dataset_.get(); }

  /// Hands completed blocks to `queue` instead of storing them at once (the writer drains it).
  void defer_to(h5::ChunkQueue* queue) noexcept { queue_ = queue; }

  /// Stores row `row` (row_length elements at `data`); stores its block when the block is full.
  void put(std::size_t row, const void* data) {
    const std::size_t block = row / block_rows_;
    const std::size_t first = block * block_rows_;
    const std::size_t rows = std::min(block_rows_, n_rows_ - first);
    Pending& p = pending_[block];
    const std::size_t file_size = narrow_ ? sizeof(float) : element_size_;
    const std::size_t row_bytes = row_length_ * file_size;
    if (p.bytes.empty()) p.bytes.resize(rows * row_bytes);
    char* target = p.bytes.data() + (row - first) * row_bytes;
    if (narrow_) {
      h5::narrow_to_float(data, row_length_, target);
    } else {
      std::memcpy(target, data, row_bytes);
    }
    if (++p.filled == rows) {
      store(first, rows, std::move(p.bytes));
      pending_.erase(block);
    }
  }

  /// Throws IoError if a block was never completed (a task row is missing).
  void check_complete() const {
    if (!pending_.empty()) throw IoError("result file: rows of block " + std::to_string(pending_.begin()->first) + " are missing");
  }

  void close() noexcept { dataset_.reset(); }

 private:
  struct Pending {
    std::vector<char> bytes;
    std::size_t filled = 0;
  };

  void store(std::size_t first, std::size_t rows, std::vector<char> bytes) {
    if (!chunked_) {
      h5::write_rows(dataset_.get(), mem_type_, first, rows, row_length_, bytes.data());
      return;
    }
    h5::ChunkJob job{dataset_.get(), layout_, first, rows, std::move(bytes)};
    if (queue_ != nullptr) {
      queue_->push(std::move(job));
    } else {
      h5::store_chunks(job, h5::encode_chunks(job));
    }
  }

  h5::Id dataset_;
  hid_t mem_type_;
  std::size_t element_size_;
  std::size_t n_rows_;
  std::size_t row_length_;
  bool chunked_ = false;
  bool narrow_ = false;
  h5::ChunkLayout layout_;
  std::size_t block_rows_ = 1;
  h5::ChunkQueue* queue_ = nullptr;
  std::map<std::size_t, Pending> pending_;
};

}  // namespace icbsim

// Chunk encoding with HDF5's shuffle (H5Z_FILTER_SHUFFLE) and deflate (H5Z_FILTER_DEFLATE, zlib's
// compress2) byte formats, and direct chunk stores.
#include "engine/io/h5/chunk_writer.hpp"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <string>

#include "engine/core/errors.hpp"

namespace icbsim::h5 {

bool chunk_layout_of(hid_t dataset, std::size_t row_length, ChunkLayout& layout) {
  Id props(check(H5Dget_create_plist(dataset), "dataset properties"));
  if (H5Pget_layout(props.get()) != H5D_CHUNKED) return false;
  hsize_t chunk[2] = {1, 1};
  layout.rank = static_cast<int>(check(H5Pget_chunk(props.get(), 2, chunk), "chunk shape"));
  layout.chunk_rows = chunk[0];
  layout.chunk_columns = layout.rank == 2 ? chunk[1] : 1;
  layout.row_length = row_length;
  Id type(check(H5Dget_type(dataset), "dataset type"));
  layout.element_size = H5Tget_size(type.get());
  layout.filters = filters_of(dataset);
  return true;
}

namespace {

/// HDF5's shuffle: byte k of every element, for k = 0 .. size-1, one plane after another.
void shuffle(const unsigned char* in, unsigned char* out, std::size_t bytes, std::size_t size) {
  const std::size_t n = bytes / size;
  for (std::size_t k = 0; k < size; ++k)
    for (std::size_t i = 0; i < n; ++i) out[k * n + i] = in[i * size + k];
  std::memcpy(out + n * size, in + n * size, bytes - n * size);
}

}  // namespace

void narrow_to_float(const void* doubles, std::size_t n, char* out) {
  const auto* in = static_cast<const char*>(doubles);
  for (std::size_t i = 0; i < n; ++i) {
    double wide = 0.0;
    std::memcpy(&wide, in + i * sizeof(double), sizeof(double));
    const auto narrow = static_cast<float>(wide);
    std::memcpy(out + i * sizeof(float), &narrow, sizeof(float));
  }
}

std::vector<EncodedChunk> encode_chunks(const ChunkJob& job) {
  const ChunkLayout& l = job.layout;
  const std::size_t e = l.element_size;
  const std::size_t chunk_bytes = l.chunk_rows * l.chunk_columns * e;
  const std::size_t pieces = (l.row_length + l.chunk_columns - 1) / l.chunk_columns;
  std::vector<EncodedChunk> chunks(pieces);
  std::vector<unsigned char> plain, shuffled;
  // A whole block of one chunk's width is already the chunk's bytes: no copy.
  const bool whole = pieces == 1 && l.row_length == l.chunk_columns && job.rows == l.chunk_rows;
  for (std::size_t p = 0; p < pieces; ++p) {
    const std::size_t column = p * l.chunk_columns;
    const std::size_t width = std::min(l.chunk_columns, l.row_length - column);
    const auto* data = reinterpret_cast<const unsigned char*>(job.bytes.data());
    if (!whole) {
      plain.assign(chunk_bytes, 0);
      for (std::size_t r = 0; r < job.rows; ++r)
        std::memcpy(plain.data() + r * l.chunk_columns * e, job.bytes.data() + (r * l.row_length + column) * e,
                    width * e);
      data = plain.data();
    }
    if (l.filters.shuffle && e > 1 && chunk_bytes > e) {
      shuffled.resize(chunk_bytes);
      shuffle(data, shuffled.data(), chunk_bytes, e);
      data = shuffled.data();
    }
    EncodedChunk& c = chunks[p];
    c.offset[0] = job.first;
    c.offset[1] = column;
    if (l.filters.deflate >= 0) {
      uLongf size = compressBound(static_cast<uLong>(chunk_bytes));
      c.bytes.resize(size);
      if (compress2(c.bytes.data(), &size, data, static_cast<uLong>(chunk_bytes), l.filters.deflate) != Z_OK)
        throw IoError("deflate: compressing a chunk failed");
      c.bytes.resize(size);
    } else if (data == plain.data()) {
      c.bytes = std::move(plain);
    } else if (data == shuffled.data()) {
      c.bytes = std::move(shuffled);
    }  // else: store_chunks takes the block's own bytes
  }
  return chunks;
}

void store_chunks(const ChunkJob& job, const std::vector<EncodedChunk>& chunks) {
  for (const EncodedChunk& c : chunks) {
    const bool own = !c.bytes.empty();
    const void* data = own ? static_cast<const void*>(c.bytes.data()) : static_cast<const void*>(job.bytes.data());
    const std::size_t size = own ? c.bytes.size() : job.bytes.size();
    check(H5Dwrite_chunk(job.dataset, H5P_DEFAULT, 0, c.offset, size, data), "writing a chunk");
  }
}

void ChunkQueue::push(ChunkJob job) {
  const std::lock_guard lock(mutex_);
  jobs_.push_back(std::move(job));
}

void ChunkQueue::drain() {
  for (;;) {
    ChunkJob job;
    {
      const std::lock_guard lock(mutex_);
      if (jobs_.empty()) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    const std::vector<EncodedChunk> chunks = encode_chunks(job);
    const std::lock_guard lock(hdf5_);
    store_chunks(job, chunks);
  }
}

void ChunkQueue::clear() {
  const std::lock_guard lock(mutex_);
  jobs_.clear();
}

}  // namespace icbsim::h5

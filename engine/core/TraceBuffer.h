#pragma once
// A bounded recording of named scalar channels, one row per recorded step. When full, the oldest
// rows are dropped (a ring buffer), so a run of any length records in constant memory.
#include <initializer_list>
#include <string>
#include <vector>

namespace as {

class TraceBuffer {
  public:
    TraceBuffer(std::vector<std::string> channels, std::size_t capacity);

    const std::vector<std::string>& channels() const { return names_; }
    std::size_t capacity() const { return capacity_; }
    std::size_t size() const { return count_; }
    /// Appends one row (one value per channel).
    void append(const std::vector<double>& row);
    /// The same without a heap allocation (the per-step path).
    void append(std::initializer_list<double> row);
    /// Value of channel c in row i, i = 0 the oldest kept row.
    double at(std::size_t c, std::size_t i) const;
    /// Channel index by name, or -1.
    int index(const std::string& name) const;
    /// One channel, oldest first.
    std::vector<double> channel(const std::string& name) const;
    /// One channel from row `first` on, at most maxPoints rows evenly picked (always including the
    /// newest).
    std::vector<double> channelDecimated(std::size_t c, std::size_t maxPoints,
                                         std::size_t first = 0) const;
    /// First row whose value in channel c is >= value, for a channel that never decreases (time).
    std::size_t lowerBound(std::size_t c, double value) const;
    void clear();

  private:
    std::vector<std::string> names_;
    std::size_t capacity_;
    std::size_t head_ = 0, count_ = 0;  // head_: next row to write
    std::vector<std::vector<double>> data_;
};

/// Rows of a population's activity (e.g. r over neurons) sampled every `stride` steps, bounded.
class ActivityBuffer {
  public:
    ActivityBuffer(std::size_t rows, std::size_t stride)
        : rows_(rows), stride_(stride ? stride : 1) {}
    void setStride(std::size_t stride) { stride_ = stride ? stride : 1; }
    std::size_t stride() const { return stride_; }
    std::size_t capacity() const { return rows_; }
    /// Offers a row at step `step`; it is kept when step % stride == 0. A row of another width
    /// clears the buffer first (N changed).
    void offer(long step, double t, const std::vector<double>& values);
    std::size_t size() const { return times_.size(); }
    std::size_t width() const { return width_; }
    /// Row-major copy, oldest row first.
    std::vector<float> flattened() const;
    const std::vector<double>& times() const { return times_; }
    void clear();
    /// Replaces the contents with times.size() rows of `width` values (row-major `flat`, oldest
    /// first), keeping the newest capacity() rows (session load). std::invalid_argument on a size
    /// mismatch.
    void restore(std::size_t width, const std::vector<float>& flat,
                 const std::vector<double>& times);

  private:
    std::size_t rows_, stride_, width_ = 0;
    std::vector<std::vector<float>> data_;  // kept in time order (rows_ is small)
    std::vector<double> times_;
};

}  // namespace as

#include "core/TraceBuffer.h"

#include <algorithm>
#include <stdexcept>

namespace as {

TraceBuffer::TraceBuffer(std::vector<std::string> channels, std::size_t capacity)
    : names_(std::move(channels)), capacity_(capacity ? capacity : 1), data_(names_.size()) {
    for (auto& d : data_) d.assign(capacity_, 0.0);
}

void TraceBuffer::append(const std::vector<double>& row) {
    if (row.size() != names_.size()) throw std::invalid_argument("trace row has the wrong width");
    for (std::size_t c = 0; c < row.size(); ++c) data_[c][head_] = row[c];
    head_ = (head_ + 1) % capacity_;
    if (count_ < capacity_) ++count_;
}

void TraceBuffer::append(std::initializer_list<double> row) {
    if (row.size() != names_.size()) throw std::invalid_argument("trace row has the wrong width");
    std::size_t c = 0;
    for (double v : row) data_[c++][head_] = v;
    head_ = (head_ + 1) % capacity_;
    if (count_ < capacity_) ++count_;
}

double TraceBuffer::at(std::size_t c, std::size_t i) const {
    const std::size_t start = (head_ + capacity_ - count_) % capacity_;
    return data_[c][(start + i) % capacity_];
}

int TraceBuffer::index(const std::string& name) const {
    for (std::size_t i = 0; i < names_.size(); ++i)
        if (names_[i] == name) return int(i);
    return -1;
}

std::vector<double> TraceBuffer::channel(const std::string& name) const {
    const int c = index(name);
    if (c < 0) throw std::invalid_argument("no trace channel '" + name + "'");
    std::vector<double> out(count_);
    for (std::size_t i = 0; i < count_; ++i) out[i] = at(std::size_t(c), i);
    return out;
}

std::vector<double> TraceBuffer::channelDecimated(std::size_t c, std::size_t maxPoints,
                                                  std::size_t first) const {
    first = std::min(first, count_);
    const std::size_t n = count_ - first;
    if (n <= maxPoints || maxPoints < 2) {
        std::vector<double> out(n);
        for (std::size_t i = 0; i < n; ++i) out[i] = at(c, first + i);
        return out;
    }
    std::vector<double> out(maxPoints);
    for (std::size_t k = 0; k < maxPoints; ++k)
        out[k] = at(c, first + k * (n - 1) / (maxPoints - 1));
    return out;
}

std::size_t TraceBuffer::lowerBound(std::size_t c, double value) const {
    std::size_t lo = 0, hi = count_;
    while (lo < hi) {
        const std::size_t mid = (lo + hi) / 2;
        if (at(c, mid) < value)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void TraceBuffer::clear() {
    head_ = count_ = 0;
}

void ActivityBuffer::offer(long step, double t, const std::vector<double>& values) {
    if (step % long(stride_) != 0) return;
    if (values.size() != width_) {
        clear();
        width_ = values.size();
    }
    if (data_.size() == rows_) {
        data_.erase(data_.begin());
        times_.erase(times_.begin());
    }
    data_.emplace_back(values.begin(), values.end());
    times_.push_back(t);
}

std::vector<float> ActivityBuffer::flattened() const {
    std::vector<float> out;
    out.reserve(data_.size() * width_);
    for (const auto& row : data_) out.insert(out.end(), row.begin(), row.end());
    return out;
}

void ActivityBuffer::restore(std::size_t width, const std::vector<float>& flat,
                             const std::vector<double>& times) {
    if (flat.size() != width * times.size())
        throw std::invalid_argument("activity rows do not match their times and width");
    clear();
    width_ = width;
    const std::size_t first = times.size() > rows_ ? times.size() - rows_ : 0;
    for (std::size_t i = first; i < times.size(); ++i) {
        data_.emplace_back(flat.begin() + std::ptrdiff_t(i * width),
                           flat.begin() + std::ptrdiff_t((i + 1) * width));
        times_.push_back(times[i]);
    }
}

void ActivityBuffer::clear() {
    data_.clear();
    times_.clear();
}

}  // namespace as

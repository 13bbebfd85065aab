#pragma once
// Runs a reader and makes every failure name the file: an h5::Error whose message does not yet
// contain `path`, a std::invalid_argument (a bad value) or a std::out_of_range becomes
// h5::Error("<where>: <message>"). `where` is e.g. "generator model file '<path>'".
#include <stdexcept>
#include <string>
#include <utility>

#include "io/Hdf5Handle.h"

namespace as::h5 {

template <class F>
auto namingFile(const std::string& path, const std::string& where, F&& read) -> decltype(read()) {
    try {
        return read();
    } catch (const Error& e) {
        const std::string msg = e.what();
        if (msg.find(path) != std::string::npos) throw;
        throw Error(where + ": " + msg);
    } catch (const std::invalid_argument& e) {
        throw Error(where + ": " + e.what());
    } catch (const std::out_of_range& e) {
        throw Error(where + ": " + e.what());
    }
}

}  // namespace as::h5

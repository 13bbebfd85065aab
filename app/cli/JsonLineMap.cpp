#include "JsonLineMap.h"

namespace as::cli {

JsonLineMap::JsonLineMap(const std::string& text) : text_(text) {
    skipSpace();
    value("");
}

int JsonLineMap::line(const std::string& pointer) const {
    std::string p = pointer;
    while (true) {
        const auto it = lines_.find(p);
        if (it != lines_.end()) return it->second;
        if (p.empty()) return 1;
        p.erase(p.rfind('/'));
    }
}

void JsonLineMap::skipSpace() {
    while (pos_ < text_.size()) {
        const char c = text_[pos_];
        if (c == '\n') ++line_;
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return;
        ++pos_;
    }
}

void JsonLineMap::skipString() {
    readString();
}

std::string JsonLineMap::readString() {
    std::string out;  // escapes are kept as written: keys with escapes are not looked up by pointer
    ++pos_;           // the opening quote
    while (pos_ < text_.size() && text_[pos_] != '"') {
        if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) out += text_[pos_++];
        out += text_[pos_++];
    }
    ++pos_;  // the closing quote
    return out;
}

void JsonLineMap::value(const std::string& pointer) {
    if (pos_ >= text_.size()) return;
    lines_.emplace(pointer, line_);
    const char c = text_[pos_];
    if (c == '{' || c == '[') {
        const char close = c == '{' ? '}' : ']';
        ++pos_;
        int index = 0;
        while (true) {
            skipSpace();
            if (pos_ >= text_.size()) return;
            if (text_[pos_] == close) {
                ++pos_;
                return;
            }
            if (text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            std::string child = pointer + "/";
            if (c == '{') {
                if (text_[pos_] != '"') return;
                child += readString();
                skipSpace();
                if (pos_ >= text_.size() || text_[pos_] != ':') return;
                ++pos_;
                skipSpace();
            } else {
                child += std::to_string(index++);
            }
            value(child);
        }
    }
    if (c == '"') return skipString();
    while (pos_ < text_.size() && std::string(",]} \t\r\n").find(text_[pos_]) == std::string::npos)
        ++pos_;
}

std::pair<int, int> lineColumnAt(const std::string& text, std::size_t offset) {
    int line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

}  // namespace as::cli

#pragma once
// Where each value of a JSON text starts: the line of every member and element, keyed by its JSON
// pointer ("/params/1/values"). The sweep spec's reader uses it so that a field with a wrong type
// or value is reported with its line ("spec.json:12: params[1].values: ..."), which nlohmann::json
// does not keep. The text must already have parsed as JSON; anything unexpected just ends the scan.
#include <map>
#include <string>

namespace as::cli {

class JsonLineMap {
  public:
    explicit JsonLineMap(const std::string& text);
    /// The 1-based line where the value at `pointer` starts; the nearest enclosing value's line
    /// when the pointer is not in the text (a missing field: its object's line); 1 for "".
    int line(const std::string& pointer) const;

  private:
    void value(const std::string& pointer);
    void skipSpace();
    void skipString();
    std::string readString();

    const std::string& text_;
    std::size_t pos_ = 0;
    int line_ = 1;
    std::map<std::string, int> lines_;
};

/// 1-based line and column of byte offset `offset` in `text`.
std::pair<int, int> lineColumnAt(const std::string& text, std::size_t offset);

}  // namespace as::cli

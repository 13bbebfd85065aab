#include "sde/RobustnessRecords.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>

#include "data/Corruptions.h"

namespace as::sde {

namespace {

std::string trimmed(const std::string& s) {
    const char* ws = " \t\n\v\f\r";
    const auto b = s.find_first_not_of(ws);
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(ws) - b + 1);
}

std::string lineError(const std::string& source, int line, const std::string& what) {
    return source + ", line " + std::to_string(line) + ": " + what;
}

/// An optional sign, then what from_chars reads; the whole text must be used.
template <class T>
bool parseNumber(const std::string& text, T& value) {
    const char* b = text.data();
    const char* e = b + text.size();
    if (b != e && *b == '+' && e - b > 1 && b[1] != '-' && b[1] != '+') ++b;
    if (b == e) return false;
    const auto [end, ec] = std::from_chars(b, e, value);
    return ec == std::errc() && end == e;
}

bool parseInt(const std::string& text, int& value) {
    long long v = 0;
    if (!parseNumber(text, v) || v < INT_MIN || v > INT_MAX) return false;
    value = int(v);
    return true;
}

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string s;
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? sep : "") + v[i];
    return s;
}

}  // namespace

std::vector<std::string> robustnessColumnKeys() {
    std::vector<std::string> keys{data::corruptionKey(data::Corruption::Clean)};
    for (auto c : data::tableCorruptions()) keys.emplace_back(data::corruptionKey(c));
    return keys;
}

std::vector<std::string> splitCsvLine(const std::string& line) {
    std::vector<std::string> fields;
    std::string cur;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char ch = line[i];
        if (quoted) {
            if (ch == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                cur += '"';
                ++i;
            } else if (ch == '"') {
                quoted = false;
            } else {
                cur += ch;
            }
        } else if (ch == '"') {
            quoted = true;
        } else if (ch == ',') {
            fields.push_back(trimmed(cur));
            cur.clear();
        } else {
            cur += ch;
        }
    }
    fields.push_back(trimmed(cur));
    return fields;
}

std::string parseRobustnessCsv(const std::string& text, const std::string& source,
                               std::vector<RobustnessRecord>& out, const std::string& modelName) {
    out.clear();
    std::vector<RobustnessRecord> records;
    const std::vector<std::string> keys = robustnessColumnKeys();
    const std::string header = kRobustnessCsvHeader, cliHeader = kRobustnessCliEvalHeader;
    enum class Form { None, Table, CliEval } form = Form::None;
    int lineNo = 0;
    for (std::size_t pos = 0; pos <= text.size();) {
        const std::size_t nl = std::min(text.find('\n', pos), text.size());
        const std::string line = trimmed(text.substr(pos, nl - pos));
        pos = nl + 1;
        ++lineNo;
        if (line.empty() || line[0] == '#') continue;
        const std::vector<std::string> f = splitCsvLine(line);
        if (form == Form::None) {
            std::string names = join(f, ",");
            std::transform(names.begin(), names.end(), names.begin(),
                           [](unsigned char c) { return char(c >= 'A' && c <= 'Z' ? c + 32 : c); });
            if (names == header)
                form = Form::Table;
            else if (names == cliHeader)
                form = Form::CliEval;
            else
                return lineError(source, lineNo,
                                 "expected the header '" + header + "' (or '" + cliHeader +
                                     "'), found '" + line + "'");
            continue;
        }
        if (f.size() != 5 && form == Form::Table)
            return lineError(source, lineNo,
                             std::to_string(f.size()) + " fields, expected 5 (" + header + ")");
        if (f.size() != 4 && form == Form::CliEval)
            return lineError(source, lineNo,
                             std::to_string(f.size()) + " fields, expected 4 (" + cliHeader + ")");
        // Table form: model,corruption,seed,accuracy,n. CLI form: corruption,label,accuracy,n_test.
        const bool table = form == Form::Table;
        const std::string seedText = table ? f[2] : "1";
        const std::string& accText = table ? f[3] : f[2];
        const std::string& nText = table ? f[4] : f[3];
        RobustnessRecord r;
        r.model = table ? f[0] : modelName;
        r.corruption = table ? f[1] : f[0];
        if (r.model.empty()) return lineError(source, lineNo, "the model name is empty");
        if (std::find(keys.begin(), keys.end(), r.corruption) == keys.end())
            return lineError(
                source, lineNo,
                "unknown corruption '" + r.corruption + "' (known: " + join(keys, ", ") + ")");
        if (!parseInt(seedText, r.seed) || r.seed < 0)
            return lineError(source, lineNo, "seed '" + seedText + "' is not an integer >= 0");
        if (!parseNumber(accText, r.accuracy) || !std::isfinite(r.accuracy))
            return lineError(source, lineNo, "accuracy '" + accText + "' is not a number");
        if (r.accuracy < 0 || r.accuracy > 1)
            return lineError(
                source, lineNo,
                "accuracy " + accText + " is outside [0, 1] (a fraction, not percent)");
        if (!parseInt(nText, r.n) || r.n <= 0)
            return lineError(source, lineNo, "n '" + nText + "' is not an integer > 0");
        records.push_back(r);
    }
    if (form == Form::None) return source + ": empty, expected the header '" + header + "'";
    out = std::move(records);
    return {};
}

std::string formatRobustnessCsv(const std::vector<RobustnessRecord>& records) {
    std::string s = std::string(kRobustnessCsvHeader) + '\n';
    for (const auto& r : records) {
        std::string model = r.model;
        std::replace(model.begin(), model.end(), ',', ';');
        char acc[400];  // locale-independent, fits any double with 6 decimals
        const auto res =
            std::to_chars(acc, acc + sizeof acc, r.accuracy, std::chars_format::fixed, 6);
        s += model + ',' + r.corruption + ',' + std::to_string(r.seed) + ',' +
             std::string(acc, res.ptr) + ',' + std::to_string(r.n) + '\n';
    }
    return s;
}

}  // namespace as::sde

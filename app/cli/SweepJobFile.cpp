#include "SweepJobFile.h"

#include <filesystem>
#include <vector>

#include "io/Hdf5Handle.h"
#include "io/Hdf5Integrity.h"

namespace as::cli {

namespace {

void copyRootAttributes(hid_t from, hid_t to) {
    H5O_info_t info;
#if H5_VERSION_GE(1, 12, 0)
    H5Oget_info3(from, &info, H5O_INFO_NUM_ATTRS);
#else
    H5Oget_info2(from, &info, H5O_INFO_NUM_ATTRS);
#endif
    for (hsize_t i = 0; i < info.num_attrs; ++i) {
        char name[256] = {0};
        if (H5Aget_name_by_idx(from, ".", H5_INDEX_NAME, H5_ITER_INC, i, name, sizeof name,
                               H5P_DEFAULT) < 0)
            throw h5::Error("cannot read the job file's root attributes");
        const std::string n = name;
        if (n == h5::kChecksumAttribute) continue;
        h5::Handle a(H5Aopen(from, name, H5P_DEFAULT));
        h5::Handle t(H5Aget_type(a));
        const H5T_class_t c = H5Tget_class(t);
        if (c == H5T_STRING) {
            h5::writeAttribute(to, n, h5::readStringAttribute(from, n));
            continue;
        }
        if (H5Tdetect_class(t, H5T_VLEN) > 0 || H5Tdetect_class(t, H5T_STRING) > 0 ||
            c == H5T_REFERENCE)
            throw h5::Error("root attribute '" + n + "' has a type a sweep job file does not copy");
        // Numbers and arrays of them: the bytes as stored, with the attribute's own type and shape.
        h5::Handle space(H5Aget_space(a));
        std::vector<unsigned char> bytes(std::size_t(H5Aget_storage_size(a)) + 1);
        h5::Handle copy(H5Acreate2(to, name, t, space, H5P_DEFAULT, H5P_DEFAULT));
        if (H5Aread(a, t, bytes.data()) < 0 || !copy.valid() || H5Awrite(copy, t, bytes.data()) < 0)
            throw h5::Error("cannot copy root attribute '" + n + "' into the job file");
    }
}

#if H5_VERSION_GE(1, 12, 0)
using LinkInfo = H5L_info2_t;
#else
using LinkInfo = H5L_info_t;
#endif

herr_t copyLink(hid_t group, const char* name, const LinkInfo*, void* to) {
    return H5Ocopy(group, name, *static_cast<hid_t*>(to), name, H5P_DEFAULT, H5P_DEFAULT);
}

}  // namespace

void writeSweepJobFile(const std::string& path, const std::string& payload, const SweepRecord& r) {
    h5::writeFileAtomically(path, "sweep job file", [&](hid_t file) {
        if (!payload.empty() && std::filesystem::exists(payload)) {
            h5::Handle in = h5::openFileReadOnly(payload);  // verifies the job's own checksums
            copyRootAttributes(in, file);
            hid_t to = file;
            if (H5Literate(in, H5_INDEX_NAME, H5_ITER_INC, nullptr, copyLink, &to) < 0)
                throw h5::Error("cannot copy '" + payload +
                                "' into the job file: " + h5::failureReason());
        } else {
            h5::writeAttribute(file, "format", std::string("attractor-studio-sweep-job"));
        }
        h5::Handle g = h5::createGroup(file, "sweep");
        h5::writeAttribute(g, "spec_hash", r.specHash);
        h5::writeAttribute(g, "label", r.label);
        h5::writeAttribute(g, "index", std::int64_t(r.index));
        h5::writeAttribute(g, "seed", std::int64_t(r.seed));
        h5::writeAttribute(g, "exit_code", std::int64_t(r.exitCode));
        h5::writeAttribute(g, "wall_s", r.wallSeconds);
        h5::writeAttribute(g, "summary_json", r.summaryJson);
        h5::writeAttribute(g, "command", r.command);
        h5::writeAttribute(g, "log", r.log);
        h5::Handle p = h5::createGroup(g, "params");
        std::string order;
        for (std::size_t i = 0; i < r.paramLabels.size(); ++i) {
            h5::writeAttribute(p, r.paramLabels[i], r.values.at(i));
            order += (i ? "," : "") + r.paramLabels[i];
        }
        h5::writeAttribute(g, "param_order", order);
    });
}

SweepRecord readSweepRecord(const std::string& path) {
    try {
        h5::Handle f = h5::openFileReadOnly(path);
        h5::Handle g = h5::openGroup(f, "sweep");
        SweepRecord r;
        r.specHash = h5::readStringAttribute(g, "spec_hash");
        r.label = h5::readStringAttribute(g, "label");
        r.index = int(h5::readIntAttribute(g, "index"));
        r.seed = h5::readIntAttribute(g, "seed");
        r.exitCode = int(h5::readIntAttribute(g, "exit_code"));
        r.wallSeconds = h5::readDoubleAttribute(g, "wall_s");
        r.summaryJson = h5::readStringAttribute(g, "summary_json");
        r.command = h5::readStringAttribute(g, "command");
        r.log = h5::readStringAttribute(g, "log");
        h5::Handle p = h5::openGroup(g, "params");
        const std::string order = h5::readStringAttribute(g, "param_order");
        std::size_t at = 0;
        while (at <= order.size() && !order.empty()) {
            const std::size_t comma = std::min(order.find(',', at), order.size());
            r.paramLabels.push_back(order.substr(at, comma - at));
            r.values.push_back(h5::readStringAttribute(p, r.paramLabels.back()));
            at = comma + 1;
        }
        return r;
    } catch (const h5::Error& e) {
        throw h5::Error("sweep job file '" + path + "': " + e.what());
    }
}

}  // namespace as::cli

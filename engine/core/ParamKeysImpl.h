#pragma once
// The members of ParamKeys<P> (core/ParamSpec.h), for the one .cpp of each parameter struct P:
// it includes this, defines ParamKeys<P>::table() and instantiates the template
// (template struct ParamKeys<P>;). Every other file sees only the declarations and uses that
// instantiation, so the table stays private to the struct's .cpp.
#include "core/ParamAccess.h"

namespace as {

template <class P>
const std::vector<ParamSpec>& ParamKeys<P>::specs() {
    static const std::vector<ParamSpec> s = table().specs();
    return s;
}
template <class P>
double ParamKeys<P>::get(const std::string& key) const {
    return table().get(static_cast<const P&>(*this), key);
}
template <class P>
void ParamKeys<P>::set(const std::string& key, double value) {
    table().set(static_cast<P&>(*this), key, value);
}
template <class P>
double ParamKeys<P>::parse(const std::string& key, const std::string& text) {
    return table().parse(key, text);
}

}  // namespace as

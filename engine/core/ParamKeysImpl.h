#pragma once
// The members of ParamKeys<P> (core/ParamSpec.h), for the one .cpp of each parameter struct P:
// it includes this, defines ParamKeys<P>::describe() and instantiates the template
// (template struct ParamKeys<P>;). Every other file sees only the declarations and uses that
// instantiation, so the table stays private to the struct's .cpp. Also copySharedKeys, for a
// struct whose values come from another's by key.
#include "core/ParamAccess.h"

namespace as {

template <class P>
const ParamTable<P>& ParamKeys<P>::table() {
    static const ParamTable<P> t = [] {
        ParamTable<P> rows;
        describe(rows);
        return rows;
    }();
    return t;
}
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

/// Sets every parameter of `to` whose key `from`'s table has too (one meaning per key: the torus
/// takes its dynamics keys from the ring's table, a form's settings the trainer's).
template <class To, class From>
void copySharedKeys(To& to, const From& from) {
    for (const auto& s : To::specs())
        if (findSpec(From::specs(), s.key)) to.set(s.key, from.get(s.key));
}

}  // namespace as

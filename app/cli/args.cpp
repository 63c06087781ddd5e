#include "app/cli/args.h"

#include <algorithm>

namespace safemap {

Args::Args(const std::vector<std::string>& words, const std::vector<std::string>& valueOptions)
    : valueOptions_(valueOptions) {
    auto takesValue = [&](const std::string& n) {
        return std::find(valueOptions.begin(), valueOptions.end(), n) != valueOptions.end();
    };
    for (size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (w == "-h") {
            options_.emplace_back("help", "");
        } else if (w.rfind("--", 0) == 0 && w.size() > 2) {
            std::string name = w.substr(2);
            if (auto eq = name.find('='); eq != std::string::npos) {
                options_.emplace_back(name.substr(0, eq), name.substr(eq + 1));
            } else if (takesValue(name)) {
                if (i + 1 >= words.size()) {
                    missingValue_ = w;
                } else {
                    options_.emplace_back(name, words[++i]);
                }
            } else {
                options_.emplace_back(name, "");
            }
        } else {
            positional_.push_back(w);
        }
    }
}

std::optional<std::string> Args::option(const std::string& name) const {
    for (const auto& [n, v] : options_)
        if (n == name)
            return v;
    return std::nullopt;
}

bool Args::flag(const std::string& name) const {
    return option(name).has_value();
}

std::vector<std::string> Args::unknown(const std::vector<std::string>& knownFlags) const {
    std::vector<std::string> out;
    for (const auto& [n, v] : options_) {
        const bool known =
            n == "help" || std::find(knownFlags.begin(), knownFlags.end(), n) != knownFlags.end() ||
            std::find(valueOptions_.begin(), valueOptions_.end(), n) != valueOptions_.end();
        if (!known)
            out.push_back("--" + n);
    }
    return out;
}

}  // namespace safemap

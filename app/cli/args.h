#pragma once

#include <optional>
#include <string>
#include <vector>

namespace safemap {

/// \brief The arguments of one sub-command: positionals, `--name value` options (only those
/// the command declares as taking a value) and `--flag`s.
class Args {
public:
    Args(const std::vector<std::string>& words, const std::vector<std::string>& valueOptions);

    const std::vector<std::string>& positional() const { return positional_; }
    std::optional<std::string> option(const std::string& name) const;
    bool flag(const std::string& name) const;
    /// Options that were given but that the command does not know (to report as errors).
    std::vector<std::string> unknown(const std::vector<std::string>& knownFlags) const;
    /// A value option given as the last word, with nothing after it.
    std::optional<std::string> missingValue() const { return missingValue_; }

private:
    std::vector<std::string> positional_;
    std::vector<std::string> valueOptions_;
    std::vector<std::pair<std::string, std::string>> options_;
    std::optional<std::string> missingValue_;
};

}  // namespace safemap

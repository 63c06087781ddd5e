#include "core/project/login_role.h"

namespace safemap {

Result<LoginRole> loginRole(const Project& project) {
    auto role = project.repository().loginRole();
    if (!role)
        return role.error();
    if (role->empty())
        return LoginRole::FileUser;
    if (*role == "official")
        return LoginRole::Official;
    if (*role == "analyst")
        return LoginRole::Analyst;
    if (*role == "inspector")
        return LoginRole::Inspector;
    return LoginRole::NoRole;
}

RoleAllows allowedTo(LoginRole role) {
    RoleAllows allows;
    switch (role) {
        case LoginRole::FileUser:
        case LoginRole::Official:
            break;
        case LoginRole::Analyst:  // imports and reads everything; decides no set and no rule
            allows.chooseCriteria = false;
            allows.changeRules = false;
            break;
        case LoginRole::Inspector:  // records inspections, in its own districts only
            allows.importSites = false;
            allows.importAssessments = false;
            allows.chooseCriteria = false;
            allows.changeRules = false;
            break;
        case LoginRole::NoRole:
            allows = {false, false, false, false, false};
            break;
    }
    return allows;
}

std::string roleLabel(LoginRole role, Language language) {
    const bool vi = language == Language::Vietnamese;
    switch (role) {
        case LoginRole::FileUser:
            return {};
        case LoginRole::Official:
            return vi ? "cán bộ quản lý" : "official";
        case LoginRole::Analyst:
            return vi ? "chuyên viên phân tích" : "analyst";
        case LoginRole::Inspector:
            return vi ? "thanh tra viên" : "inspector";
        case LoginRole::NoRole:
            return vi ? "không có vai trò SafeMap" : "no SafeMap role";
    }
    return {};
}

}  // namespace safemap

// Which of SafeMap's group roles a server login belongs to, so the window can say who is
// working and disable what the database would refuse anyway.
#include "core/storage/pg/pg_repository.h"

namespace safemap {

Result<std::string> PgRepository::loginRole() const {
    // Most powerful first: a superuser or the owner is a member of every role.
    auto rows = db_.query(
        "SELECT CASE WHEN pg_has_role(current_user, 'safemap_official', 'MEMBER') THEN "
        "'official' WHEN pg_has_role(current_user, 'safemap_analyst', 'MEMBER') THEN "
        "'analyst' WHEN pg_has_role(current_user, 'safemap_inspector', 'MEMBER') THEN "
        "'inspector' ELSE 'none' END");
    if (!rows)
        return rows.error();
    return rows->text(0, 0);
}

}  // namespace safemap

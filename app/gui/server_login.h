#pragma once

#include <QString>
#include <vector>

class QSettings;

namespace safemap {

/// \brief What the "Connect to server" dialog asks for (docs/server.md).
struct ServerLogin {
    QString host = QStringLiteral("localhost");
    int port = 5432;
    QString database;
    QString user;
    QString password;  ///< never written anywhere: not to QSettings, not to messages
    QString sslMode = QStringLiteral("prefer");  ///< libpq's sslmode
    friend bool operator==(const ServerLogin&, const ServerLogin&) = default;
};

/// The libpq connection URL (postgresql://user:password@host:port/database?sslmode=…), each
/// part percent-encoded. Without a password, libpq looks in ~/.pgpass.
QString serverUrl(const ServerLogin& login);
/// "user@host:port/database", for titles, menus and messages.
QString serverDisplayName(const ServerLogin& login);

/// True for a server project's location (postgresql://…), false for a file.
bool isServerLocation(const QString& location);

/// Remembers a login as the most recent one, without its password.
void rememberServerLogin(QSettings& settings, const ServerLogin& login);
/// The remembered logins, most recent first (passwords empty).
std::vector<ServerLogin> recentServerLogins(QSettings& settings);

}  // namespace safemap

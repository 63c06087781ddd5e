#include "app/gui/server_login.h"

#include <QSettings>
#include <QUrl>

namespace safemap {

namespace {

constexpr int kMaxRecentLogins = 8;
const char* const kRecentKey = "server/recent";

QString encoded(const QString& part) {
    return QString::fromLatin1(QUrl::toPercentEncoding(part));
}

}  // namespace

QString serverUrl(const ServerLogin& login) {
    QString url = QStringLiteral("postgresql://");
    if (!login.user.isEmpty()) {
        url += encoded(login.user);
        if (!login.password.isEmpty())
            url += QLatin1Char(':') + encoded(login.password);
        url += QLatin1Char('@');
    }
    url += encoded(login.host.trimmed());
    url += QLatin1Char(':') + QString::number(login.port);
    url += QLatin1Char('/') + encoded(login.database.trimmed());
    // A server that does not answer fails the dialog within seconds, not minutes.
    url += QStringLiteral("?connect_timeout=10");
    if (!login.sslMode.isEmpty())
        url += QStringLiteral("&sslmode=") + encoded(login.sslMode);
    return url;
}

QString serverDisplayName(const ServerLogin& login) {
    return QStringLiteral("%1@%2:%3/%4")
        .arg(login.user, login.host.trimmed())
        .arg(login.port)
        .arg(login.database.trimmed());
}

bool isServerLocation(const QString& location) {
    return location.startsWith(QLatin1String("postgresql://")) ||
           location.startsWith(QLatin1String("postgres://"));
}

void rememberServerLogin(QSettings& settings, const ServerLogin& login) {
    std::vector<ServerLogin> recent = recentServerLogins(settings);
    ServerLogin kept = login;
    kept.password.clear();  // the password is never written to disk
    std::erase(recent, kept);
    recent.insert(recent.begin(), kept);
    if (recent.size() > static_cast<size_t>(kMaxRecentLogins))
        recent.resize(kMaxRecentLogins);
    settings.beginWriteArray(QLatin1String(kRecentKey), static_cast<int>(recent.size()));
    for (int i = 0; i < static_cast<int>(recent.size()); ++i) {
        const ServerLogin& l = recent[static_cast<size_t>(i)];
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("host"), l.host);
        settings.setValue(QStringLiteral("port"), l.port);
        settings.setValue(QStringLiteral("database"), l.database);
        settings.setValue(QStringLiteral("user"), l.user);
        settings.setValue(QStringLiteral("sslmode"), l.sslMode);
    }
    settings.endArray();
}

std::vector<ServerLogin> recentServerLogins(QSettings& settings) {
    std::vector<ServerLogin> out;
    const int n = settings.beginReadArray(QLatin1String(kRecentKey));
    for (int i = 0; i < n; ++i) {
        settings.setArrayIndex(i);
        ServerLogin l;
        l.host = settings.value(QStringLiteral("host")).toString();
        l.port = settings.value(QStringLiteral("port"), 5432).toInt();
        l.database = settings.value(QStringLiteral("database")).toString();
        l.user = settings.value(QStringLiteral("user")).toString();
        l.sslMode = settings.value(QStringLiteral("sslmode")).toString();
        out.push_back(l);
    }
    settings.endArray();
    return out;
}

}  // namespace safemap

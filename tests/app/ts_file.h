#pragma once
// Reading a Qt Linguist .ts file in tests: SafeMap's own catalogue (safemap_vi.ts) and its
// translation of Qt's strings (qtbase_vi.ts) are checked the same way.

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QXmlStreamReader>
#include <catch2/catch.hpp>
#include <vector>

namespace safemap::test {

/// One <message> of a .ts file.
struct TsEntry {
    QString context;
    QString source;
    QString translation;
    QString type;  // "unfinished", "vanished", "obsolete" or empty for a finished entry
};

inline std::vector<TsEntry> readTs(const QString& path) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    std::vector<TsEntry> out;
    QString context;
    TsEntry entry;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            entry = TsEntry{context, {}, {}, {}};
        } else if (name == QLatin1String("source")) {
            entry.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            entry.type = xml.attributes().value(QLatin1String("type")).toString();
            entry.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            out.push_back(entry);
        }
    }
    INFO(xml.errorString().toStdString());
    REQUIRE(!xml.hasError());
    return out;
}

inline QSet<QString> placeholders(const QString& text) {
    static const QRegularExpression re(QStringLiteral("%([1-9])(?![0-9])"));
    QSet<QString> out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.insert(it.next().captured(0));
    return out;
}

// "&Save" marks S as the accelerator; "&&" is a literal ampersand and "&amp;" an entity.
inline int accelerators(const QString& text) {
    static const QRegularExpression re(QStringLiteral("&(?!&)(?![A-Za-z]+;)\\w"));
    QString t = text;
    t.remove(QStringLiteral("&&"));
    int n = 0;
    for (auto it = re.globalMatch(t); it.hasNext(); it.next())
        ++n;
    return n;
}

}  // namespace safemap::test

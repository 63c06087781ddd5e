#pragma once
// Runs the built `safemap` binary as a separate process, as a user or a script would.

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "test_support.h"

namespace safemap::test {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs `program` as a separate process, offscreen, with `extraEnv` added to its environment.
inline CliRun runProgram(const QString& program, const QStringList& args,
                         const std::vector<std::pair<QString, QString>>& extraEnv = {}) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    for (const auto& [name, value] : extraEnv)
        env.insert(name, value);
    p.setProcessEnvironment(env);
    p.start(program, args);
    REQUIRE(p.waitForFinished(120000));
    CliRun r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

/// Runs the built `safemap`.
inline CliRun runCli(const QStringList& args) {
    return runProgram(QStringLiteral(SAFEMAP_BINARY), args);
}

inline QString src(const std::string& relative) {
    return QString::fromStdString(sourcePath(relative));
}

/// The sample province, imported through the command line into `path`.
inline void makeSampleProject(const QString& path) {
    for (const QStringList& args :
         {QStringList{"import", path, src("data/sites/zones.geojson")},
          QStringList{"import", path, src("data/sites/factories.csv")},
          QStringList{"import-assessments", path, src("data/assessments/danh_gia_2021-06.csv")},
          QStringList{"import-inspections", path, src("data/inspections/kiem_tra_2021-06.csv")}}) {
        const CliRun r = runCli(args);
        INFO(args.join(' ').toStdString() << "\n" << r.err.toStdString());
        REQUIRE(r.exitCode == 0);
    }
}

/// Data rows of the sample's assessment file (one assessment each).
inline int sampleAssessmentRows() {
    QFile f(src("data/assessments/danh_gia_2021-06.csv"));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return static_cast<int>(f.readAll().count('\n')) - 1;
}

/// A digest of a file's bytes: equal digests mean the file was not changed.
inline QByteArray digest(const QString& path) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

/// What validate_gpkg -k prints about `path` (empty when it finds nothing), or why it could not
/// run.
inline QString validatorSays(const QString& path) {
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"),
            {"-m", "osgeo_utils.samples.validate_gpkg", "-k", path});
    REQUIRE(p.waitForFinished(120000));
    const QString out =
        QString::fromUtf8(p.readAllStandardOutput()) + QString::fromUtf8(p.readAllStandardError());
    return p.exitCode() == 0 ? out.trimmed()
                             : QStringLiteral("exit %1: %2").arg(p.exitCode()).arg(out);
}

}  // namespace safemap::test

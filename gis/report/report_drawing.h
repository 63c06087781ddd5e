#pragma once
// Drawing helpers shared by the pages of a map report (gis/report/): millimetres on the
// sheet, the report's typeface, its words in two languages and one-line or wrapped text.
// Internal to the report; nothing outside gis/report includes it.

#include <QColor>
#include <QFont>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <cstdint>
#include <string>
#include <string_view>

class QPainter;

namespace safemap::report {

inline QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

/// The report's one typeface: Noto Sans has every Vietnamese letter, and the PDF embeds it.
QFont reportFont(double points, bool bold = false);

/// The logical pixels of a map drawn on the sheet: 96 a inch, so its symbols and labels are
/// as big as on a screen.
constexpr double kScreenDpi = 96;

/// Millimetres on the sheet → device pixels.
struct Sheet {
    double dpmm = 1;
    QPointF at(double x, double y) const { return {x * dpmm, y * dpmm}; }
    QRectF rect(const QRectF& mm) const {
        return {mm.x() * dpmm, mm.y() * dpmm, mm.width() * dpmm, mm.height() * dpmm};
    }
    double len(double mm) const { return mm * dpmm; }
};

/// The words of the report in its language (the library has no translator; both forms sit
/// side by side, as in export_heading.cpp).
struct Words {
    bool vi = true;
    QString operator()(const char* vietnamese, const char* english) const {
        return QString::fromUtf8(vi ? vietnamese : english);
    }
};

inline const QColor kInk(30, 30, 30);
inline const QColor kNavy(15, 40, 80);
inline const QColor kGrey(90, 90, 90);

/// "Nguy cơ rất cao" for a risk category (0: not assessed; 1…: RiskLevel + 1).
QString levelName(std::uint8_t category, const Words& w);

/// 12.345 in Vietnamese, 12,345 in English.
QString number(long long n, const Words& w);

/// Draws text in a rectangle (mm), elided to one line; returns the line's height in mm.
double drawLine(QPainter& p, const Sheet& sheet, const QRectF& mm, const QString& text,
                const QFont& font, Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter,
                const QColor& color = kInk);

/// Draws text wrapped at word boundaries in a rectangle (mm); returns the height used in mm.
double drawWrapped(QPainter& p, const Sheet& sheet, const QRectF& mm, const QString& text,
                   const QFont& font, const QColor& color = kInk);

}  // namespace safemap::report

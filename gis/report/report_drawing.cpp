#include "gis/report/report_drawing.h"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>

#include "core/criteria/risk_level.h"

namespace safemap::report {

namespace {
QString capitalised(std::string_view text) {
    QString s = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    if (!s.isEmpty())
        s[0] = s[0].toUpper();
    return s;
}
}  // namespace

QFont reportFont(double points, bool bold) {
    QFont f(QStringLiteral("Noto Sans"));
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

QString levelName(std::uint8_t category, const Words& w) {
    if (category == 0)
        return w("Chưa đánh giá", "Not assessed");
    const auto level = static_cast<RiskLevel>(category - 1);
    return capitalised(w.vi ? riskLevelLabelVi(level) : riskLevelLabelEn(level));
}

QString number(long long n, const Words& w) {
    QString digits = QString::number(n);
    const QChar sep = w.vi ? QLatin1Char('.') : QLatin1Char(',');
    for (qsizetype i = digits.size() - 3; i > (n < 0 ? 1 : 0); i -= 3)
        digits.insert(i, sep);
    return digits;
}

double drawLine(QPainter& p, const Sheet& sheet, const QRectF& mm, const QString& text,
                const QFont& font, Qt::Alignment align, const QColor& color) {
    p.setFont(font);
    p.setPen(color);
    const QRectF r = sheet.rect(mm);
    const QFontMetricsF fm(font, p.device());
    p.drawText(r, static_cast<int>(align), fm.elidedText(text, Qt::ElideRight, r.width()));
    return fm.height() / sheet.dpmm;
}

double drawWrapped(QPainter& p, const Sheet& sheet, const QRectF& mm, const QString& text,
                   const QFont& font, const QColor& color) {
    p.setFont(font);
    p.setPen(color);
    const QRectF r = sheet.rect(mm);
    const int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
    const QRectF used = QFontMetricsF(font, p.device()).boundingRect(r, flags, text);
    p.drawText(r, flags, text);
    return std::min(used.height(), r.height()) / sheet.dpmm;
}

}  // namespace safemap::report

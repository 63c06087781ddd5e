#include "app/gui/error_text.h"

#include <QLocale>

#include "core/errors/error_catalogue.h"

namespace safemap {

// The default QLocale is the language the window is shown in: installTranslations sets it
// from the user's choice (and tests set it directly).
Language uiLanguage() {
    return QLocale().language() == QLocale::Vietnamese ? Language::Vietnamese : Language::English;
}

DisplayStyle uiDisplayStyle() {
    return displayStyle(uiLanguage());
}

QString uiCount(long long value) {
    return QString::fromStdString(formatCount(value, uiDisplayStyle()));
}

QString uiDecimal(double value, int decimals) {
    return QString::fromStdString(formatDecimal(value, decimals, uiDisplayStyle()));
}

QString uiDate(const Date& date) {
    return QString::fromStdString(formatDateFor(date, uiDisplayStyle()));
}

QString uiLength(double metres) {
    return QString::fromStdString(formatLength(metres, uiDisplayStyle()));
}

QString errorText(const Error& error) {
    return QString::fromStdString(describeError(error, uiLanguage()));
}

}  // namespace safemap

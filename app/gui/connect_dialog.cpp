#include "app/gui/connect_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include "app/gui/error_text.h"
#include "core/project/project.h"

namespace safemap {

ConnectDialog::ConnectDialog(QWidget* parent)
    : QDialog(parent),
      recent_(new QComboBox(this)),
      host_(new QLineEdit(this)),
      port_(new QSpinBox(this)),
      database_(new QLineEdit(this)),
      user_(new QLineEdit(this)),
      password_(new QLineEdit(this)),
      sslMode_(new QComboBox(this)),
      result_(new QLabel(this)) {
    setWindowTitle(tr("Connect to server"));
    setObjectName(QStringLiteral("connectDialog"));
    recent_->setObjectName(QStringLiteral("recentLogins"));
    host_->setObjectName(QStringLiteral("host"));
    port_->setObjectName(QStringLiteral("port"));
    database_->setObjectName(QStringLiteral("database"));
    user_->setObjectName(QStringLiteral("user"));
    password_->setObjectName(QStringLiteral("password"));
    sslMode_->setObjectName(QStringLiteral("sslMode"));
    result_->setObjectName(QStringLiteral("connectResult"));
    result_->setWordWrap(true);
    port_->setRange(1, 65535);
    password_->setEchoMode(QLineEdit::Password);
    password_->setPlaceholderText(tr("empty: from ~/.pgpass"));
    for (const char* mode : {"prefer", "require", "verify-full", "disable"})
        sslMode_->addItem(QString::fromLatin1(mode), QString::fromLatin1(mode));

    QSettings settings;
    const std::vector<ServerLogin> recent = recentServerLogins(settings);
    recent_->addItem(tr("(new connection)"));
    for (const auto& l : recent)
        recent_->addItem(serverDisplayName(l));
    connect(recent_, &QComboBox::activated, this, [this, recent](int index) {
        if (index > 0 && index <= static_cast<int>(recent.size()))
            setLogin(recent[static_cast<size_t>(index - 1)]);
    });
    setLogin(recent.empty() ? ServerLogin{} : recent.front());
    if (!recent.empty())
        recent_->setCurrentIndex(1);

    auto* form = new QFormLayout;
    form->addRow(tr("Recent:"), recent_);
    form->addRow(tr("Host:"), host_);
    form->addRow(tr("Port:"), port_);
    form->addRow(tr("Database:"), database_);
    form->addRow(tr("User:"), user_);
    form->addRow(tr("Password:"), password_);
    form->addRow(tr("SSL mode:"), sslMode_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton* test = buttons->addButton(tr("Test connection"), QDialogButtonBox::ActionRole);
    test->setObjectName(QStringLiteral("testConnection"));
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    connect(test, &QPushButton::clicked, this, [this] { testConnection(); });
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConnectDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(result_);
    layout->addWidget(buttons);
}

ServerLogin ConnectDialog::login() const {
    ServerLogin l;
    l.host = host_->text().trimmed();
    l.port = port_->value();
    l.database = database_->text().trimmed();
    l.user = user_->text().trimmed();
    l.password = password_->text();
    l.sslMode = sslMode_->currentData().toString();
    return l;
}

void ConnectDialog::setLogin(const ServerLogin& l) {
    host_->setText(l.host);
    port_->setValue(l.port);
    database_->setText(l.database);
    user_->setText(l.user);
    password_->setText(l.password);
    const int mode = sslMode_->findData(l.sslMode);
    sslMode_->setCurrentIndex(mode >= 0 ? mode : 0);
}

bool ConnectDialog::testConnection() {
    auto project = Project::open(serverUrl(login()).toStdString(), Project::Access::ReadOnly);
    if (!project) {
        result_->setText(tr("Not connected: %1").arg(errorText(project.error())));
        return false;
    }
    result_->setText(
        tr("Connected: a SafeMap project, schema %1.").arg(project->repository().schemaVersion()));
    return true;
}

void ConnectDialog::accept() {
    QSettings settings;
    rememberServerLogin(settings, login());
    QDialog::accept();
}

}  // namespace safemap

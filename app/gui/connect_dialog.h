#pragma once

#include <QDialog>

#include "app/gui/server_login.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace safemap {

/// \brief Project → "Connect to server…": host, port, database, user, password and SSL
/// mode of a province's PostgreSQL server (docs/server.md), a test button, and the recent
/// logins (remembered without their passwords; libpq also reads ~/.pgpass).
class ConnectDialog final : public QDialog {
    Q_OBJECT
public:
    explicit ConnectDialog(QWidget* parent = nullptr);

    ServerLogin login() const;
    void setLogin(const ServerLogin& login);
    /// Opens the project read-only with the fields as they are; the label says what came
    /// of it. True when the server answered with a SafeMap project.
    bool testConnection();
    /// Remembers the login (no password) and closes the dialog.
    void accept() override;

private:
    QComboBox* recent_;
    QLineEdit* host_;
    QSpinBox* port_;
    QLineEdit* database_;
    QLineEdit* user_;
    QLineEdit* password_;
    QComboBox* sslMode_;
    QLabel* result_;
};

}  // namespace safemap

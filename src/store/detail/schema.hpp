#pragma once
// The store's schema as it grew: migration k (1-based) brings a database from version k - 1 to
// version k (PRAGMA user_version). A migration, once released, never changes: a new column or
// table is a new migration at the end. Rows are never updated or deleted (triggers refuse it),
// except a submission's status, which withdrawing sets once.

#include <array>

namespace civitas::detail {

inline constexpr std::array<const char*, 3> store_migrations = {
    // 1: submissions with their provenance, and observations as versions.
    R"sql(
CREATE TABLE submissions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    department TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT '',
    submitted_by TEXT NOT NULL DEFAULT '',
    submitted_at TEXT NOT NULL,
    file TEXT NOT NULL DEFAULT '',
    period TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
    withdrawn_by TEXT,
    withdrawn_at TEXT
);
CREATE TABLE observations (
    id INTEGER PRIMARY KEY,
    submission INTEGER NOT NULL REFERENCES submissions(id),
    unit TEXT NOT NULL,
    indicator TEXT NOT NULL,
    date TEXT NOT NULL,
    value REAL NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    mode TEXT NOT NULL DEFAULT 'unspecified',
    sample_size INTEGER,
    recorded TEXT NOT NULL
);
CREATE INDEX observations_by_series ON observations (unit, indicator, date);
CREATE INDEX observations_by_submission ON observations (submission);
CREATE TRIGGER observations_never_change BEFORE UPDATE ON observations
BEGIN SELECT RAISE(ABORT, 'observations are never changed: a correction is a new version'); END;
CREATE TRIGGER observations_never_deleted BEFORE DELETE ON observations
BEGIN SELECT RAISE(ABORT, 'observations are never deleted: withdraw their submission'); END;
CREATE TRIGGER submissions_never_deleted BEFORE DELETE ON submissions
BEGIN SELECT RAISE(ABORT, 'submissions are never deleted: withdraw them'); END;
)sql",
    // 2: task progress reports and problem rectification updates.
    R"sql(
CREATE TABLE task_reports (
    id INTEGER PRIMARY KEY,
    submission INTEGER NOT NULL REFERENCES submissions(id),
    task TEXT NOT NULL,
    percent_complete REAL,
    actual_start TEXT,
    actual_finish TEXT,
    reported_on TEXT NOT NULL
);
CREATE INDEX task_reports_by_task ON task_reports (task, reported_on);
CREATE TABLE problem_updates (
    id INTEGER PRIMARY KEY,
    submission INTEGER NOT NULL REFERENCES submissions(id),
    problem TEXT NOT NULL,
    closed TEXT,
    note TEXT NOT NULL DEFAULT '',
    reported_on TEXT NOT NULL
);
CREATE INDEX problem_updates_by_problem ON problem_updates (problem, reported_on);
CREATE TRIGGER task_reports_never_change BEFORE UPDATE ON task_reports
BEGIN SELECT RAISE(ABORT, 'task reports are never changed: a new report is a new row'); END;
CREATE TRIGGER task_reports_never_deleted BEFORE DELETE ON task_reports
BEGIN SELECT RAISE(ABORT, 'task reports are never deleted: withdraw their submission'); END;
CREATE TRIGGER problem_updates_never_change BEFORE UPDATE ON problem_updates
BEGIN SELECT RAISE(ABORT, 'problem updates are never changed: a new update is a new row'); END;
CREATE TRIGGER problem_updates_never_deleted BEFORE DELETE ON problem_updates
BEGIN SELECT RAISE(ABORT, 'problem updates are never deleted: withdraw their submission'); END;
)sql",
    // 3: money paid for tasks from their budget lines.
    R"sql(
CREATE TABLE spending (
    id INTEGER PRIMARY KEY,
    submission INTEGER NOT NULL REFERENCES submissions(id),
    task TEXT NOT NULL,
    date TEXT NOT NULL,
    amount REAL NOT NULL,
    account TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    reported_on TEXT NOT NULL
);
CREATE INDEX spending_by_task ON spending (task, reported_on);
CREATE TRIGGER spending_never_changes BEFORE UPDATE ON spending
BEGIN SELECT RAISE(ABORT, 'payments are never changed: a correction is a refund and a new payment'); END;
CREATE TRIGGER spending_never_deleted BEFORE DELETE ON spending
BEGIN SELECT RAISE(ABORT, 'payments are never deleted: withdraw their submission'); END;
)sql",
};

}  // namespace civitas::detail

-- cncd-service, schema version 1.
-- The units of the registry the service checks against (seeded on first start), and the
-- records it stores: each kept as the JSON the client sent (fields cncd does not know
-- included), with the warnings cncd raised when it was written.

CREATE TABLE units (
    code      TEXT PRIMARY KEY,
    level     TEXT NOT NULL,
    full_name TEXT NOT NULL,
    parent    TEXT REFERENCES units(code)
);

CREATE TABLE teams (
    id         TEXT PRIMARY KEY,
    level      TEXT NOT NULL,
    commune    TEXT NOT NULL REFERENCES units(code),
    -- cncd's Team::unit_key: "" for a commune team, the village's or school's name key.
    unit_key   TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    warnings   TEXT NOT NULL CHECK (json_valid(warnings)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX teams_by_commune ON teams(commune);
-- The teams a newcomer could collide with (one team per commune, village or school).
CREATE INDEX teams_by_unit ON teams(commune, level, unit_key);

CREATE TABLE activities (
    seq        INTEGER PRIMARY KEY,
    team       TEXT NOT NULL REFERENCES teams(id),
    date       TEXT NOT NULL,
    activity   TEXT NOT NULL,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    warnings   TEXT NOT NULL CHECK (json_valid(warnings)),
    created_at TEXT NOT NULL
);
CREATE INDEX activities_by_team ON activities(team, date);

CREATE TABLE reports (
    seq        INTEGER PRIMARY KEY,
    rule       TEXT NOT NULL,
    sender     TEXT NOT NULL,
    month      TEXT NOT NULL,
    date       TEXT NOT NULL,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    warnings   TEXT NOT NULL CHECK (json_valid(warnings)),
    created_at TEXT NOT NULL
);
CREATE INDEX reports_by_month ON reports(month);

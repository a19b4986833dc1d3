-- dfdgaudit schema 1 (PostgreSQL): a municipality's or a-kasse's local copy of DFDG data.
CREATE TABLE borger (
  id        TEXT PRIMARY KEY,          -- the system's own key for the citizen, never the CPR number
  cpr       TEXT NOT NULL UNIQUE,      -- ten digits
  noegle    BIGINT NOT NULL,           -- FNV-1a of the CPR number, for -shard k/n
  jobcenter INTEGER,                   -- municipality code of the jobcentre
  akasse    TEXT,
  doedsdato DATE
);
CREATE INDEX borger_noegle ON borger (noegle);
CREATE TABLE plan (
  borger_id TEXT PRIMARY KEY REFERENCES borger (id) ON DELETE CASCADE,
  id        TEXT NOT NULL,
  plantype  TEXT NOT NULL              -- Jobplan, Kombiplan, Uddannelsesplan, anden
);
CREATE TABLE kontaktgruppe (
  borger_id TEXT NOT NULL REFERENCES borger (id) ON DELETE CASCADE,
  id        TEXT NOT NULL,
  gruppe    INTEGER NOT NULL,
  start     TIMESTAMPTZ,
  slut      TIMESTAMPTZ,
  PRIMARY KEY (borger_id, id)
);
CREATE TABLE tilmelding (
  borger_id TEXT NOT NULL REFERENCES borger (id) ON DELETE CASCADE,
  id        TEXT NOT NULL,
  kategori  INTEGER NOT NULL,
  ansoeger  BOOLEAN NOT NULL DEFAULT FALSE,
  start     TIMESTAMPTZ,
  slut      TIMESTAMPTZ,
  PRIMARY KEY (borger_id, id)
);
CREATE TABLE personkategori (
  borger_id TEXT NOT NULL REFERENCES borger (id) ON DELETE CASCADE,
  id        TEXT NOT NULL,
  kategori  INTEGER NOT NULL,
  start     TIMESTAMPTZ,
  slut      TIMESTAMPTZ,
  PRIMARY KEY (borger_id, id)
);
CREATE TABLE fravaer (
  borger_id TEXT NOT NULL REFERENCES borger (id) ON DELETE CASCADE,
  id        TEXT NOT NULL,
  type      INTEGER NOT NULL,
  startdato DATE,
  slutdato  DATE,
  PRIMARY KEY (borger_id, id)
);
CREATE TABLE aktivitet (
  borger_id         TEXT NOT NULL REFERENCES borger (id) ON DELETE CASCADE,
  id                TEXT NOT NULL,
  type              INTEGER NOT NULL,
  virksomhedsrettet BOOLEAN NOT NULL DEFAULT FALSE,
  startdato         DATE,
  slutdato          DATE,
  timer             TEXT NOT NULL DEFAULT '0',  -- hours per week, exact decimal
  cvr               TEXT NOT NULL DEFAULT '',
  pnummer           TEXT NOT NULL DEFAULT '',
  jobtilbudtype     INTEGER NOT NULL DEFAULT 0,
  myndighedsomraade INTEGER NOT NULL DEFAULT 0,
  status            TEXT NOT NULL DEFAULT 'aktiv',  -- aktiv, annulleret, afbrudt
  PRIMARY KEY (borger_id, id)
);
-- The GDPR record kinds of rule 4.1 that the tables above do not hold.
CREATE TABLE gdpr_post (
  borger_id   TEXT NOT NULL REFERENCES borger (id) ON DELETE CASCADE,
  posttype    TEXT NOT NULL,           -- KYAfgoerelse, Helbredsbegraensning, Besked, Persongruppemarkering, Efterloen, Afdoed, Joblog, Andenlog, JoblogDokument
  id          TEXT NOT NULL,
  startdato   DATE,
  slutdato    DATE,
  projekttype INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (borger_id, posttype, id)
);
-- The messages (WSB) the copy was fed with.
CREATE TABLE besked (
  borger_id   TEXT NOT NULL REFERENCES borger (id) ON DELETE CASCADE,
  nr          INTEGER NOT NULL,
  navn        TEXT NOT NULL,           -- Kontaktgruppe.WSB, Fravaer.WSB, …
  aendring    TEXT NOT NULL,           -- Oprettelse, Opdatering, Sletning
  posttype    TEXT NOT NULL,
  post_id     TEXT NOT NULL,
  modtaget    TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (borger_id, nr)
);
-- The messages a repair or a GDPR deletion causes, for the system to deliver; written in the same
-- transaction as the change, so that none is lost and none is written twice.
CREATE TABLE udbakke (
  nr          BIGSERIAL PRIMARY KEY,
  borger_id   TEXT NOT NULL,
  navn        TEXT NOT NULL,
  aendring    TEXT NOT NULL,
  modtager    TEXT NOT NULL,           -- kommune 101, a-kasse ak-1
  posttype    TEXT NOT NULL,
  post_id     TEXT NOT NULL,
  regel       TEXT NOT NULL,
  oprettet    TIMESTAMPTZ NOT NULL
);

-- The first released schema of reader's database (migration 0001), frozen for the
-- upgrade test: never edit it; later schemas are reached through migrations.
CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);
CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");
CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            hash TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            source TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'text',
            text TEXT NOT NULL,
            added TEXT NOT NULL,
            last_opened TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0
        );
CREATE TABLE annotations (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            color INTEGER NOT NULL DEFAULT 1 CHECK (color BETWEEN 1 AND 5),
            note TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('reader', '0001_articles_annotations', '2026-11-25 12:00:00+00:00');

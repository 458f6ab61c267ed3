-- Full-text search over media prompts (docs/media.md), kept in sync by triggers.
--
-- FTS5 needs an integer rowid per document. `media` has a text primary key, and SQLite's VACUUM may
-- renumber the hidden rowid of such a table, so an external-content index keyed on media.rowid could
-- silently point at the wrong rows after a VACUUM (or in a VACUUM INTO backup). The search key table
-- gives every prompt a stable INTEGER PRIMARY KEY instead; the FTS table stores its own copy of the text.
CREATE TABLE `media_search_key` (
	`id` integer PRIMARY KEY,
	`media_id` text NOT NULL UNIQUE
);
--> statement-breakpoint
-- unicode61 + remove_diacritics: "cafe" finds "café"; prefix indexes make "sun*" as cheap as "sun".
CREATE VIRTUAL TABLE `media_fts` USING fts5(prompt, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
--> statement-breakpoint
CREATE TRIGGER `media_fts_after_insert` AFTER INSERT ON `media`
WHEN new.prompt IS NOT NULL AND new.prompt <> ''
BEGIN
	INSERT INTO media_search_key (media_id) VALUES (new.id);
	INSERT INTO media_fts (rowid, prompt) SELECT id, new.prompt FROM media_search_key WHERE media_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `media_fts_after_delete` AFTER DELETE ON `media`
BEGIN
	DELETE FROM media_fts WHERE rowid = (SELECT id FROM media_search_key WHERE media_id = old.id);
	DELETE FROM media_search_key WHERE media_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `media_fts_after_update` AFTER UPDATE OF prompt ON `media`
BEGIN
	DELETE FROM media_fts WHERE rowid = (SELECT id FROM media_search_key WHERE media_id = old.id);
	DELETE FROM media_search_key WHERE media_id = old.id;
	INSERT INTO media_search_key (media_id) SELECT new.id WHERE new.prompt IS NOT NULL AND new.prompt <> '';
	INSERT INTO media_fts (rowid, prompt) SELECT id, new.prompt FROM media_search_key WHERE media_id = new.id;
END;
--> statement-breakpoint
-- Backfill what existed before this migration, oldest first.
INSERT INTO media_search_key (media_id)
	SELECT id FROM media WHERE prompt IS NOT NULL AND prompt <> '' ORDER BY created_at, id;
--> statement-breakpoint
INSERT INTO media_fts (rowid, prompt)
	SELECT k.id, m.prompt FROM media_search_key k JOIN media m ON m.id = k.media_id;

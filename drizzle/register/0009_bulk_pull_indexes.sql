-- A first sync fills the sales and catalog tables at once: their plain indexes that the pull itself
-- never reads are dropped for it and built once at the end from the sorted rows (about twice as
-- fast as keeping them row by row). Each one dropped is kept here, with its CREATE statement, in
-- the same transaction that drops it; the transaction that builds it again deletes the row.
-- Opening a database that still holds rows (a crash mid-sync) builds them before anything reads
-- (src/main/store/bulkPullIndexes.ts).
CREATE TABLE `bulk_pull_indexes` (
  `name` text PRIMARY KEY NOT NULL,
  `sql` text NOT NULL
);

-- Issue 19: a rehearsal merger ("oefenfusie") of the demo: a merger to try the checklist, the dry
-- run, the cut-over and its undo on, never scheduled and never part of a real wave's story. The
-- flag only marks it (the list names it as such in every language); the engine treats it as any.
ALTER TABLE "mergers" ADD COLUMN "rehearsal" boolean DEFAULT false NOT NULL;

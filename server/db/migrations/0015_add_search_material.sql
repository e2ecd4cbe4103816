CREATE TABLE `search_material` (
	`session_id` integer PRIMARY KEY NOT NULL,
	`content_hash` text NOT NULL,
	`analysis` text NOT NULL,
	`material` blob NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `search_material_current` ON `search_material` (`session_id`,`content_hash`,`analysis`);
CREATE TABLE `import_repairs` (
	`session_id` integer PRIMARY KEY NOT NULL,
	`body_sha256` text NOT NULL,
	`summary` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);

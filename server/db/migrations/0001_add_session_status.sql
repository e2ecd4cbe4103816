ALTER TABLE `sessions` ADD `status` text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `published_at` text;--> statement-breakpoint
CREATE INDEX `sessions_status` ON `sessions` (`status`);--> statement-breakpoint
ALTER TABLE `directives` ADD `confirmed_at` text;
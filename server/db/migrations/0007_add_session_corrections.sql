ALTER TABLE `sessions` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `corrected_at` text;--> statement-breakpoint
ALTER TABLE `sessions` ADD `withdrawn_at` text;--> statement-breakpoint
ALTER TABLE `sessions` ADD `withdrawn_reason` text;
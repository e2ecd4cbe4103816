CREATE INDEX `directives_updated` ON `directives` (`updated_at`);--> statement-breakpoint
CREATE INDEX `action_items_updated` ON `action_items` (`updated_at`);
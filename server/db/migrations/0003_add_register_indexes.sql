CREATE INDEX `sessions_register` ON `sessions` (`id`,`status`,`held_on`,`series`);--> statement-breakpoint
CREATE INDEX `sessions_status_held_on` ON `sessions` (`status`,`held_on`,`series`);--> statement-breakpoint
CREATE INDEX `action_items_directive_status` ON `action_items` (`directive_id`,`status`,`due_on`,`closed_at`,`progress`);
CREATE TABLE `notification_reads` (
	`notification_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`read_at` text NOT NULL,
	PRIMARY KEY(`notification_id`, `user_id`),
	FOREIGN KEY (`notification_id`) REFERENCES `notifications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notification_reads_user` ON `notification_reads` (`user_id`);--> statement-breakpoint
-- Read state was per notification (one read cleared it for everyone who could see it). Everyone who
-- could see a read notification keeps seeing it read: managers and admins (all units) and the users of its unit.
INSERT INTO `notification_reads` (`notification_id`, `user_id`, `read_at`)
SELECT `n`.`id`, `u`.`id`, `n`.`read_at`
FROM `notifications` `n`
JOIN `users` `u` ON `u`.`role` IN ('manager', 'admin') OR `u`.`unit_code` = `n`.`unit_code`
WHERE `n`.`read_at` IS NOT NULL;

ALTER TABLE `sessions` ADD `withdrawal_key` text;--> statement-breakpoint
ALTER TABLE `action_items` ADD `cancelled_by_withdrawal` text;
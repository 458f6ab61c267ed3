DROP INDEX `media_user_created_idx`;--> statement-breakpoint
DROP INDEX `media_user_kind_created_idx`;--> statement-breakpoint
DROP INDEX `media_user_favorite_created_idx`;--> statement-breakpoint
DROP INDEX `media_user_model_created_idx`;--> statement-breakpoint
DROP INDEX `media_created_idx`;--> statement-breakpoint
DROP INDEX `media_user_kind_totals_idx`;--> statement-breakpoint
ALTER TABLE `media` ADD `listed` integer DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX `media_user_created_idx` ON `media` (`user_id`,`created_at`,`id`,`listed`);--> statement-breakpoint
CREATE INDEX `media_user_kind_created_idx` ON `media` (`user_id`,`kind`,`created_at`,`id`,`listed`);--> statement-breakpoint
CREATE INDEX `media_user_favorite_created_idx` ON `media` (`user_id`,`favorite`,`created_at`,`id`,`listed`);--> statement-breakpoint
CREATE INDEX `media_user_model_created_idx` ON `media` (`user_id`,`model`,`created_at`,`id`,`listed`);--> statement-breakpoint
CREATE INDEX `media_created_idx` ON `media` (`created_at`,`id`,`listed`);--> statement-breakpoint
CREATE INDEX `media_user_kind_totals_idx` ON `media` (`user_id`,`kind`,`bytes`,`missing`,`listed`);
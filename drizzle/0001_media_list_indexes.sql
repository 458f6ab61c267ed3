CREATE INDEX `media_user_kind_created_idx` ON `media` (`user_id`,`kind`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `media_user_favorite_created_idx` ON `media` (`user_id`,`favorite`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `media_user_model_created_idx` ON `media` (`user_id`,`model`,`created_at`,`id`);